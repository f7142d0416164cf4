import { fireEvent, render, screen } from '@testing-library/react'
import { Button, View } from '@tarojs/components'

describe('Taro components in jsdom', () => {
  it('should render Taro components and deliver taps in jsdom', () => {
    const onTap = jest.fn()
    render(
      <View>
        <Button onClick={onTap}>报名</Button>
      </View>,
    )

    fireEvent.click(screen.getByText('报名'))

    expect(screen.getByText('报名')).toBeTruthy()
    expect(onTap).toHaveBeenCalledTimes(1)
  })
})
