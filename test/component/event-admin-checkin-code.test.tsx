import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import { getCheckinCode } from '@/api/checkin'
import { getEvent } from '@/api/events'
import { CheckinCodeScreen } from '@/features/event-admin/components/checkin-code-screen'
import { createEvent } from '../support/events'
import { firePageEvent } from '../setup/taro-shim'

jest.mock('@/api/checkin')
jest.mock('@/api/events')
const mockedGetCode = jest.mocked(getCheckinCode)
const mockedGetEvent = jest.mocked(getEvent)

const NOW = Date.parse('2099-03-21T09:00:20+08:00')
const code = (value: string, expiresAt: string, checkedInCount = 3) => ({ code: value, expiresAt, checkedInCount, registeredCount: 30 })

/** Lets the mocked API answers settle and `ms` of fake time pass. */
async function pass(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms)
  })
}

beforeEach(() => {
  jest.resetAllMocks()
  jest.useFakeTimers({ now: NOW })
  mockedGetEvent.mockResolvedValue(createEvent({ title: '强村讲堂：村级财务规范' }))
})
afterEach(() => {
  jest.useRealTimers()
})

describe('CheckinCodeScreen (签到码)', () => {
  it('should show the code large, as a QR code, the event and the live count', async () => {
    mockedGetCode.mockResolvedValue(code('482913', '2099-03-21T09:01:00+08:00'))
    render(<CheckinCodeScreen eventId='evt-1' />)
    expect(screen.getByText('正在获取签到码…')).toBeTruthy()
    await pass(0)
    expect(screen.getByText('482913')).toBeTruthy()
    expect(screen.getByRole('img', { name: '签到二维码' })).toBeTruthy()
    expect(screen.getByText('强村讲堂：村级财务规范')).toBeTruthy()
    expect(screen.getByText('已签到 3 / 已报名 30')).toBeTruthy()
    expect(screen.getByText('40 秒后更换签到码')).toBeTruthy()
  })

  it('should count down each second and fetch the next code when it reaches 0', async () => {
    mockedGetCode.mockResolvedValue(code('482913', '2099-03-21T09:01:00+08:00'))
    render(<CheckinCodeScreen eventId='evt-1' />)
    await pass(0)
    await pass(1000)
    expect(screen.getByText('39 秒后更换签到码')).toBeTruthy()
    await pass(3000)
    expect(screen.getByText('36 秒后更换签到码')).toBeTruthy()

    mockedGetCode.mockResolvedValue(code('735102', '2099-03-21T09:02:00+08:00', 7))
    await pass(36_000)
    expect(screen.getByText('735102')).toBeTruthy()
    expect(screen.getByText('已签到 7 / 已报名 30')).toBeTruthy()
    expect(screen.getByText(/^\d+ 秒后更换签到码$/)).toBeTruthy()
  })

  it('should refresh the count every 5 s while shown, and stop when the page is hidden', async () => {
    mockedGetCode.mockResolvedValue(code('482913', '2099-03-21T09:01:00+08:00'))
    render(<CheckinCodeScreen eventId='evt-1' />)
    await pass(0)
    expect(mockedGetCode).toHaveBeenCalledTimes(1)
    mockedGetCode.mockResolvedValue(code('482913', '2099-03-21T09:01:00+08:00', 5))
    await pass(5000)
    expect(mockedGetCode).toHaveBeenCalledTimes(2)
    expect(screen.getByText('已签到 5 / 已报名 30')).toBeTruthy()

    act(() => firePageEvent('hide'))
    await pass(20_000)
    expect(mockedGetCode).toHaveBeenCalledTimes(2)

    act(() => firePageEvent('show'))
    await pass(0)
    expect(mockedGetCode).toHaveBeenCalledTimes(3)
  })

  it('should not refetch in a loop when the phone\'s clock is ahead of the server\'s', async () => {
    mockedGetCode.mockResolvedValue(code('482913', '2099-03-21T09:00:00+08:00'))
    render(<CheckinCodeScreen eventId='evt-1' />)
    await pass(0)
    expect(screen.getByText('正在更换签到码…')).toBeTruthy()
    await pass(1000)
    // One refetch for the expired code, then only the 5 s poll.
    expect(mockedGetCode).toHaveBeenCalledTimes(2)
    await pass(3000)
    expect(mockedGetCode).toHaveBeenCalledTimes(2)
  })

  it('should show the error with 重试 when no code could be loaded, and keep a code it has on a later failure', async () => {
    mockedGetCode
      .mockRejectedValueOnce(new ApiError({ kind: 'http', status: 403, code: 'FORBIDDEN' }))
      .mockResolvedValueOnce(code('482913', '2099-03-21T09:01:00+08:00'))
      .mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    render(<CheckinCodeScreen eventId='evt-1' />)
    await pass(0)
    expect(screen.getByText('加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await pass(0)
    expect(screen.getByText('482913')).toBeTruthy()
    await pass(5000)
    expect(screen.getByText('482913')).toBeTruthy()
    expect(screen.getByText(/网络不稳定/)).toBeTruthy()
  })
})
