import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Input, Textarea, View } from '@tarojs/components'
import { fieldLabel, tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'

// The H5 flavour (test/setup sets TARO_ENV=h5): Taro's custom elements get roles, keyboard and labels.
describe('shared/ui accessibility on H5', () => {
  it('should make AppButton a focusable button that Enter and Space press', () => {
    const onTap = jest.fn()
    render(<AppButton onTap={onTap}>报名</AppButton>)
    const button = screen.getByRole('button', { name: '报名' })
    expect(button.getAttribute('tabindex')).toBe('0')
    fireEvent.keyDown(button, { key: 'Enter' })
    fireEvent.keyDown(button, { key: ' ' })
    fireEvent.keyDown(button, { key: 'a' })
    expect(onTap).toHaveBeenCalledTimes(2)
  })

  it('should name an icon-only button by its hidden label and not by the symbol', () => {
    render(
      <AppButton small label='增加 0.5 学时'>
        ＋
      </AppButton>,
    )
    const button = screen.getByRole('button', { name: '增加 0.5 学时' })
    expect(button.textContent).toContain('＋')
  })

  it('should keep an inert button from tapping by keyboard too', () => {
    const onTap = jest.fn()
    render(
      <AppButton disabled onTap={onTap}>
        提交
      </AppButton>,
    )
    const button = screen.getByRole('button', { name: '提交' })
    expect(button.getAttribute('aria-disabled')).toBe('true')
    fireEvent.keyDown(button, { key: 'Enter' })
    expect(onTap).not.toHaveBeenCalled()
  })

  it('should give chips the tab role, the selection and the keyboard', () => {
    const onChange = jest.fn()
    const options = [
      { value: 'all', label: '全部' },
      { value: 'open', label: '报名中' },
    ]
    render(<Chips label='筛选' options={options} value='all' onChange={onChange} />)
    expect(screen.getByRole('tablist', { name: '筛选' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: '全部' }).getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(screen.getByRole('tab', { name: '报名中' }), { key: 'Enter' })
    expect(onChange).toHaveBeenCalledWith('open')
  })

  it('should make a tappable View a focusable link named by its text', () => {
    const onTap = jest.fn()
    render(
      <View className='zs-card' {...tappable('link', onTap)}>
        强村讲堂：村级财务规范
      </View>,
    )
    const link = screen.getByRole('link', { name: '强村讲堂：村级财务规范' })
    expect(link.getAttribute('tabindex')).toBe('0')
    fireEvent.click(link)
    fireEvent.keyDown(link, { key: 'Enter' })
    expect(onTap).toHaveBeenCalledTimes(2)
  })

  it('should put a field label on the native input and textarea, not on the wrapper', async () => {
    render(
      <View>
        <Input className='zs-input' placeholder='请输入 11 位手机号' {...fieldLabel('手机号')} />
        <Textarea className='zs-textarea' placeholder='请说明' {...fieldLabel('请假理由')} />
      </View>,
    )
    const input = await waitFor(() => screen.getByRole('textbox', { name: '手机号' }))
    expect(input.tagName).toBe('INPUT')
    const textarea = await waitFor(() => screen.getByRole('textbox', { name: '请假理由' }))
    expect(textarea.tagName).toBe('TEXTAREA')
    expect(document.querySelector('taro-input-core')?.getAttribute('aria-label')).toBeNull()
  })
})
