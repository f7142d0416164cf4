import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Event, Registration } from '@/api/contract/event'
import { requestLeave, getEvent } from '@/api/events'
import { useAttendanceStore } from '@/features/attendance/attendance-store'
import { useEventsStore } from '@/features/events/events-store'
import EventDetailPage from '@/pages/event-detail/index'
import { useSessionStore } from '@/stores/session-store'
import * as taroShim from '../setup/taro-shim'
import { createEvent } from '../support/events'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/events')
const mockedGetEvent = jest.mocked(getEvent)
const mockedRequestLeave = jest.mocked(requestLeave)

const MINUTE = 60_000

const registration = (extra: Partial<Registration> = {}): Registration => ({
  eventId: 'evt-1',
  userId: 'u-s01',
  status: 'registered',
  attendance: 'pending',
  createdAt: new Date(Date.now() - 86400_000).toISOString(),
  ...extra,
})

/** An event starting `minutes` from now (negative: started), lasting 3 hours, with the caller's registration. */
function eventStartingIn(minutes: number, extra: Partial<Registration> = {}): Event {
  const start = Date.now() + minutes * MINUTE
  return createEvent({
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 180 * MINUTE).toISOString(),
    signupDeadline: new Date(Math.min(start, Date.now()) - 86400_000).toISOString(),
    myRegistration: registration(extra),
  })
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  jest.spyOn(taroShim, 'useRouter').mockReturnValue({ params: { id: 'evt-1' }, path: '/pages/event-detail/index' })
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  useSessionStore.setState({ token: 'token-s01', user: { id: 'u-s01', name: '王建国', role: 'secretary', town: '剑南街道', phone: '13800000001' } })
  useEventsStore.setState({ byId: {}, busy: {} })
  useAttendanceStore.setState({ checkinPhase: {}, leaveBusy: {}, leaveReasons: {} })
})

describe('Event detail page: 签到 and 请假', () => {
  it('should offer 请假 and 取消报名 but no 签到 before the check-in window opens', async () => {
    mockedGetEvent.mockResolvedValue(eventStartingIn(7 * 24 * 60))
    render(<EventDetailPage />)
    expect(await screen.findByText('请假')).toBeTruthy()
    expect(screen.getByText('取消报名')).toBeTruthy()
    expect(screen.getByText(/起可以签到/)).toBeTruthy()
    expect(screen.queryByText('签到')).toBeNull()
  })

  it('should show a 签到 button 30 minutes before the start that opens the check-in page', async () => {
    mockedGetEvent.mockResolvedValue(eventStartingIn(20))
    render(<EventDetailPage />)
    fireEvent.click(await screen.findByText('签到'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/secretary/pages/checkin/index?id=evt-1' })
    // Not started yet: leave is still possible.
    expect(screen.getByText('请假')).toBeTruthy()
  })

  it('should keep 签到 but drop 请假 and 取消报名 once the event has started', async () => {
    mockedGetEvent.mockResolvedValue(eventStartingIn(-10))
    render(<EventDetailPage />)
    expect(await screen.findByText('签到')).toBeTruthy()
    expect(screen.queryByText('请假')).toBeNull()
    expect(screen.queryByText('取消报名')).toBeNull()
  })

  it('should read 已签到 with the time once checked in, and 迟到 for a late check-in', async () => {
    mockedGetEvent.mockResolvedValueOnce(eventStartingIn(-10, { attendance: 'present', checkedInAt: '2026-12-08T08:45:00+08:00' }))
    const { unmount } = render(<EventDetailPage />)
    expect((await screen.findAllByText('已签到')).length).toBeGreaterThan(0)
    expect(screen.getByText('签到时间 12月8日 周二 08:45')).toBeTruthy()
    expect(screen.queryByText('签到')).toBeNull()
    unmount()
    useEventsStore.setState({ byId: {} })
    mockedGetEvent.mockResolvedValueOnce(eventStartingIn(-30, { attendance: 'late', checkedInAt: '2026-12-08T09:20:00+08:00' }))
    render(<EventDetailPage />)
    expect((await screen.findAllByText('迟到')).length).toBeGreaterThan(0)
    expect(screen.getByText('签到时间 12月8日 周二 09:20')).toBeTruthy()
  })

  it('should ask for leave with a reason, then read 已请假 with that reason', async () => {
    const before = eventStartingIn(3 * 24 * 60)
    const after = { ...before, registeredCount: before.registeredCount - 1, myRegistration: registration({ attendance: 'leave' }) }
    mockedGetEvent.mockResolvedValueOnce(before).mockResolvedValue(after)
    mockedRequestLeave.mockResolvedValue(registration({ attendance: 'leave' }))
    render(<EventDetailPage />)
    fireEvent.click(await screen.findByText('请假'))
    const reason = await waitFor(() => screen.getByLabelText('请假理由', { selector: 'textarea' }))
    fireEvent.input(reason, { target: { value: '镇上召开防汛会议' } })
    fireEvent.click(screen.getByText('提交请假'))
    expect(await screen.findByText('请假理由：镇上召开防汛会议')).toBeTruthy()
    expect(screen.getAllByText('已请假').length).toBeGreaterThan(0)
    expect(screen.queryByText('取消报名')).toBeNull()
    expect(mockedRequestLeave).toHaveBeenCalledWith('evt-1', '镇上召开防汛会议', expect.any(String))
  })

  it('should read 已请假 for a registration on leave, and offer no sign-up again', async () => {
    mockedGetEvent.mockResolvedValue(eventStartingIn(3 * 24 * 60, { attendance: 'leave' }))
    render(<EventDetailPage />)
    expect((await screen.findAllByText('已请假')).length).toBeGreaterThan(0)
    expect(screen.queryByText('报名')).toBeNull()
    expect(screen.queryByText('请假')).toBeNull()
  })
})
