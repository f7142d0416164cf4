import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError, messageForCode } from '@/api/api-error'
import type { CheckinResult, Registration } from '@/api/contract/event'
import { checkIn } from '@/api/checkin'
import { getEvent } from '@/api/events'
import { useAttendanceStore } from '@/features/attendance/attendance-store'
import { CheckinScreen } from '@/features/attendance/components/checkin-screen'
import { getCheckinLocation } from '@/features/attendance/platform/get-location'
import { createEvent } from '../support/events'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/events')
jest.mock('@/api/checkin')
jest.mock('@/features/attendance/platform/get-location')
const mockedGetEvent = jest.mocked(getEvent)
const mockedCheckIn = jest.mocked(checkIn)
const mockedGetLocation = jest.mocked(getCheckinLocation)

const MINUTE = 60_000
const HERE = { lat: 31.3389, lng: 104.2072 }

const registration = (extra: Partial<Registration> = {}): Registration => ({
  eventId: 'evt-1',
  userId: 'u-s01',
  status: 'registered',
  attendance: 'pending',
  createdAt: new Date(Date.now() - 86400_000).toISOString(),
  ...extra,
})

/** A 强村讲堂 that started 5 minutes ago, the caller registered: check-in is open. */
const eventUnderWay = (extra: Partial<Registration> = {}) =>
  createEvent({
    startAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
    endAt: new Date(Date.now() + 120 * MINUTE).toISOString(),
    signupDeadline: new Date(Date.now() - 86400_000).toISOString(),
    myRegistration: registration(extra),
  })

const result = (attendance: CheckinResult['attendance']): CheckinResult => ({ attendance, checkedInAt: '2026-12-08T09:03:00+08:00' })
const httpError = (status: number, code: string) => new ApiError({ kind: 'http', status, code, message: messageForCode(code) })

/** The real <input> inside Taro's Input, which carries the label. */
const codeInput = () => screen.getByLabelText('签到码', { selector: 'input' }) as HTMLInputElement
function typeCode(code: string) {
  fireEvent.input(codeInput(), { target: { value: code } })
}

async function renderScreen() {
  const view = render(<CheckinScreen eventId='evt-1' onBack={jest.fn()} onOpenRecord={jest.fn()} />)
  // Taro's Input renders its inner <input> a moment after the element itself.
  await waitFor(() => expect(screen.getByLabelText('签到码', { selector: 'input' })).toBeTruthy())
  return view
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  useAttendanceStore.setState({ checkinPhase: {}, leaveBusy: {}, leaveReasons: {} })
  mockedGetEvent.mockResolvedValue(eventUnderWay())
  mockedGetLocation.mockResolvedValue(HERE)
})

describe('CheckinScreen', () => {
  it('should show the event, then 已签到 with the time after a check-in with the code and location', async () => {
    mockedCheckIn.mockResolvedValue(result('present'))
    await renderScreen()
    expect(screen.getByText('强村讲堂：村集体经济“飞地经济”模式解析')).toBeTruthy()
    expect(screen.getByText(/地点：绵竹市委党校报告厅/)).toBeTruthy()
    typeCode('123456')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(screen.getByText('签到时间 12月8日 周二 09:03')).toBeTruthy()
    expect(document.querySelector('.at-result--present')).toBeTruthy()
    expect(mockedCheckIn).toHaveBeenCalledWith('evt-1', { code: '123456', location: HERE }, expect.any(String))
  })

  it('should show 迟到 in orange with the time when the server records the check-in as late', async () => {
    mockedCheckIn.mockResolvedValue(result('late'))
    await renderScreen()
    typeCode('123456')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('迟到')).toBeTruthy()
    expect(screen.getByText('签到时间 12月8日 周二 09:03')).toBeTruthy()
    expect(document.querySelector('.at-result--late')).toBeTruthy()
  })

  it('should say how many minutes a lock after wrong codes lasts (429 TOO_MANY_ATTEMPTS)', async () => {
    mockedCheckIn.mockRejectedValue(
      new ApiError({ kind: 'http', status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfter: 540, message: messageForCode('TOO_MANY_ATTEMPTS', '', 540) }),
    )
    await renderScreen()
    typeCode('654321')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('错误次数太多，为了安全暂时锁定，请 9 分钟后再试。')).toBeTruthy()
  })

  it.each([
    [409, 'CHECKIN_WINDOW_CLOSED', /活动开始前 30 分钟至结束前可以签到/],
    [409, 'NOT_REGISTERED', /您还没有报名这个活动/],
    [400, 'CHECKIN_CODE_INVALID', /签到码不正确或已过期/],
    [409, 'TOO_FAR', /离活动地点超过 1 公里/],
    [400, 'LOCATION_REQUIRED', /请在活动现场开启定位后签到，或请现场组织者在名单上为你签到/],
  ])('should explain a %i %s plainly and keep the typed code', async (status, code, message) => {
    mockedCheckIn.mockRejectedValue(httpError(status, code))
    await renderScreen()
    typeCode('654321')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText(message)).toBeTruthy()
    expect(codeInput().value).toBe('654321')
    expect(screen.getByText('签到')).toBeTruthy()
  })

  it('should put the cursor back in the code field after a wrong code, and check in with the corrected one', async () => {
    mockedCheckIn.mockRejectedValueOnce(httpError(400, 'CHECKIN_CODE_INVALID')).mockResolvedValueOnce(result('present'))
    await renderScreen()
    typeCode('111111')
    // Tapping 签到 takes the focus away from the field.
    act(() => {
      codeInput().focus()
      codeInput().blur()
    })
    fireEvent.click(screen.getByText('签到'))
    await screen.findByText(/签到码不正确或已过期/)
    await waitFor(() => expect(document.activeElement).toBe(codeInput()))
    typeCode('222222')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    // A new code is a new action: it gets its own Idempotency-Key.
    expect(mockedCheckIn.mock.calls[1][1]).toEqual({ code: '222222', location: HERE })
    expect(mockedCheckIn.mock.calls[1][2]).not.toBe(mockedCheckIn.mock.calls[0][2])
  })

  it('should refuse a code that is not 6 digits before sending', async () => {
    await renderScreen()
    typeCode('12345')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('签到码是 6 位数字，请输入完整后再点“签到”。')).toBeTruthy()
    expect(mockedCheckIn).not.toHaveBeenCalled()
  })

  it('should retry a check-in that failed on the network with the same Idempotency-Key and body', async () => {
    mockedCheckIn.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(result('present'))
    await renderScreen()
    typeCode('123456')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    expect(codeInput().value).toBe('123456')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(mockedCheckIn).toHaveBeenCalledTimes(2)
    expect(mockedCheckIn.mock.calls[1][2]).toBe(mockedCheckIn.mock.calls[0][2])
    expect(mockedCheckIn.mock.calls[1][1]).toEqual(mockedCheckIn.mock.calls[0][1])
    // The retry sends the first try's position again: a different body would be refused with the same key.
    expect(mockedGetLocation).toHaveBeenCalledTimes(1)
  })

  it('should offer 重试 under a check-in that failed on the network, and retry with the same key and body', async () => {
    mockedCheckIn.mockRejectedValueOnce(new ApiError({ kind: 'timeout' })).mockResolvedValueOnce(result('present'))
    await renderScreen()
    typeCode('123456')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText(/点“重试”/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(mockedCheckIn).toHaveBeenCalledTimes(2)
    expect(mockedCheckIn.mock.calls[1][2]).toBe(mockedCheckIn.mock.calls[0][2])
    expect(mockedCheckIn.mock.calls[1][1]).toEqual(mockedCheckIn.mock.calls[0][1])
  })

  it('should offer no 重试 after a wrong code', async () => {
    mockedCheckIn.mockRejectedValueOnce(httpError(400, 'CHECKIN_CODE_INVALID'))
    await renderScreen()
    typeCode('123456')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText(/签到码不正确/)).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('should send one request however often 签到 is tapped', async () => {
    let answer: (r: CheckinResult) => void = () => {}
    mockedCheckIn.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    await renderScreen()
    typeCode('123456')
    fireEvent.click(screen.getByText('签到'))
    fireEvent.click(screen.getByText('处理中…'))
    fireEvent.click(screen.getByText('处理中…'))
    await waitFor(() => expect(mockedCheckIn).toHaveBeenCalledTimes(1))
    fireEvent.click(screen.getByText('处理中…'))
    await act(async () => answer(result('present')))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(mockedCheckIn).toHaveBeenCalledTimes(1)
  })

  it('should check in without location when the user refuses it', async () => {
    mockedGetLocation.mockResolvedValue(null)
    mockedCheckIn.mockResolvedValue(result('present'))
    await renderScreen()
    typeCode('123456')
    fireEvent.click(screen.getByText('签到'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(mockedCheckIn).toHaveBeenCalledWith('evt-1', { code: '123456' }, expect.any(String))
  })

  it('should show 已签到 with the time at once for a secretary already checked in', async () => {
    mockedGetEvent.mockResolvedValue(eventUnderWay({ attendance: 'present', checkedInAt: '2026-12-08T08:50:00+08:00' }))
    render(<CheckinScreen eventId='evt-1' onBack={jest.fn()} onOpenRecord={jest.fn()} />)
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(screen.getByText('签到时间 12月8日 周二 08:50')).toBeTruthy()
    expect(screen.queryByLabelText('签到码')).toBeNull()
  })

  it('should say why there is nothing to check in to for a secretary on leave or not registered', async () => {
    mockedGetEvent.mockResolvedValueOnce(eventUnderWay({ attendance: 'leave' }))
    const { unmount } = render(<CheckinScreen eventId='evt-1' onBack={jest.fn()} onOpenRecord={jest.fn()} />)
    expect(await screen.findByText('您已请假')).toBeTruthy()
    unmount()
    mockedGetEvent.mockResolvedValueOnce(createEvent())
    render(<CheckinScreen eventId='evt-1' onBack={jest.fn()} onOpenRecord={jest.fn()} />)
    expect(await screen.findByText('您没有报名这个活动')).toBeTruthy()
  })

  it('should show the error with 重试 when the event cannot be loaded', async () => {
    mockedGetEvent.mockReset()
    mockedGetEvent.mockRejectedValueOnce(new ApiError({ kind: 'timeout' })).mockResolvedValueOnce(eventUnderWay())
    render(<CheckinScreen eventId='evt-1' onBack={jest.fn()} onOpenRecord={jest.fn()} />)
    expect(await screen.findByText(/请求超时/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByLabelText('签到码')).toBeTruthy()
  })

  it('should not offer 扫码签到 where the camera cannot scan (H5)', async () => {
    await renderScreen()
    expect(screen.queryByText('扫码签到')).toBeNull()
  })
})
