import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { Honour } from '@/api/contract/honour'
import { createHonour, getHonours } from '@/api/honours'
import { getSecretaries } from '@/api/users'
import { HonourForm } from '@/features/honours/components/honour-form'
import { useHonourDraftStore } from '@/features/honours/honour-draft-store'
import { blankDraft } from '@/features/honours/lib/honour-form'

jest.mock('@/api/honours')
jest.mock('@/api/users')
const mockedGetHonours = jest.mocked(getHonours)
const mockedCreate = jest.mocked(createHonour)
const mockedSearch = jest.mocked(getSecretaries)

const wang = { id: 'u-s01', name: '王建华', role: 'secretary' as const, town: '剑南街道', village: '城北社区', phone: '13800000001' }
const li = { id: 'u-s02', name: '李秀英', role: 'secretary' as const, town: '孝德镇', village: '年画村', phone: '13800000002' }
const CITATION = '带领村民发展猕猴桃产业，村集体经济收入三年翻番。'

/** Types into the native control of the Taro Input or Textarea labelled `label`. */
async function type(label: string, value: string) {
  // The label is on the native control itself (shared/ui/a11y fieldLabel), rendered a moment after the element.
  const control = await waitFor(() => screen.getByLabelText(label, { selector: 'input, textarea' }))
  fireEvent.input(control, { target: { value } })
}

const total = (n: number) => ({ items: [], total: n, page: 1, pageSize: 1 })

beforeEach(() => {
  jest.resetAllMocks()
  Taro.clearStorageSync()
  useHonourDraftStore.setState({ draft: blankDraft(2027) })
  mockedSearch.mockResolvedValue({ items: [wang, li], total: 2, page: 1, pageSize: 20 })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

describe('HonourForm', () => {
  it('should show 已评 N/30 of the year, fix the amount at 5000 and publish the 岗位创新奖', async () => {
    mockedGetHonours.mockResolvedValue(total(12))
    const created = { id: 'hon-new' } as Honour
    mockedCreate.mockResolvedValue(created)
    const onDone = jest.fn()
    render(<HonourForm thisYear={2027} onDone={onDone} />)
    expect(await screen.findByText('2027 年已评 12/30')).toBeTruthy()
    expect(mockedGetHonours).toHaveBeenCalledWith({ year: 2027, type: 'innovation', pageSize: 1 })
    expect(screen.getByText('5000 元（岗位创新奖固定金额）')).toBeTruthy()
    fireEvent.click(await screen.findByText('李秀英'))
    expect(screen.getByText('更换')).toBeTruthy()
    await type('事迹', CITATION)
    expect(screen.getByText(`${Array.from(CITATION).length}/500 字`)).toBeTruthy()
    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(created))
    expect(mockedCreate).toHaveBeenCalledWith(
      { year: 2027, type: 'innovation', title: '岗位创新奖', recipientId: 'u-s02', citation: CITATION, amount: 5000 },
      expect.any(String),
    )
    // Published: the next form starts blank.
    expect(useHonourDraftStore.getState().draft.citation).toBe('')
  })

  it('should refuse the 31st 岗位创新奖 before sending when 30 are already given', async () => {
    mockedGetHonours.mockResolvedValueOnce(total(30))
    render(<HonourForm thisYear={2027} onDone={jest.fn()} />)
    expect(await screen.findByText('2027 年已评 30/30')).toBeTruthy()
    expect(screen.getByText(/2027 年的岗位创新奖已评满 30 名，不能再发布/)).toBeTruthy()
    fireEvent.click(screen.getByText('发布'))
    expect(mockedCreate).not.toHaveBeenCalled()
  })

  it('should show a clear message when another organiser took the 30th place first (409 AWARD_QUOTA_FULL)', async () => {
    mockedGetHonours.mockResolvedValueOnce(total(29)).mockResolvedValue(total(30))
    mockedCreate.mockRejectedValue(new ApiError({ kind: 'http', status: 409, code: 'AWARD_QUOTA_FULL' }))
    useHonourDraftStore.setState({ draft: { ...blankDraft(2027), recipient: wang, citation: CITATION } })
    render(<HonourForm thisYear={2027} onDone={jest.fn()} />)
    expect(await screen.findByText('2027 年已评 29/30')).toBeTruthy()
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText(/2027 年的岗位创新奖已评满 30 名，不能再发布/)).toBeTruthy()
    expect(await screen.findByText('2027 年已评 30/30')).toBeTruthy()
  })

  it('should name the missing fields and send nothing', async () => {
    mockedGetHonours.mockResolvedValue(total(0))
    render(<HonourForm thisYear={2027} onDone={jest.fn()} />)
    await screen.findByText('2027 年已评 0/30')
    await type('荣誉名称', '')
    await type('事迹', '好')
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText('请选择获奖人')).toBeTruthy()
    // Both the emptied title and the one-character citation.
    expect(screen.getAllByText('至少 2 个字')).toHaveLength(2)
    expect(mockedCreate).not.toHaveBeenCalled()
  })

  it('should retitle with the type, hide the fixed amount for other types and keep the draft on the phone', async () => {
    mockedGetHonours.mockResolvedValue(total(3))
    render(<HonourForm thisYear={2027} onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('荣退'))
    expect(useHonourDraftStore.getState().draft.title).toBe('荣退')
    expect(screen.queryByText(/已评/)).toBeNull()
    await type('事迹', CITATION)
    await type('奖金', '2000')
    await waitFor(() => expect(String(Taro.getStorageSync('zst-honour-draft'))).toContain(CITATION))
    // Reopening the app: the stored draft comes back.
    const saved: unknown = Taro.getStorageSync('zst-honour-draft')
    act(() => useHonourDraftStore.setState({ draft: blankDraft(2027) }))
    Taro.setStorageSync('zst-honour-draft', saved)
    await act(() => useHonourDraftStore.persist.rehydrate())
    expect(useHonourDraftStore.getState().draft).toMatchObject({ type: 'retirement', title: '荣退', citation: CITATION, amount: '2000' })
  })
})
