import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError, staleMessage } from '@/api/api-error'
import type { MyAttendance } from '@/api/contract/attendance'
import { getMyAttendance } from '@/api/attendance'
import { AttendanceRecord } from '@/features/attendance/components/attendance-record'
import { getEquinox } from '@/api/theme-months'
import { getMyCommitment } from '@/api/commitments'
import { getMyUpcomingEvents, getEvents } from '@/api/events'
import { SecretaryDashboard } from '@/features/dashboard/components/secretary-dashboard'
import { EventList } from '@/features/events/components/event-list'
import { MyRegistrations } from '@/features/events/components/my-registrations'
import { useEventsStore } from '@/features/events/events-store'
import { getNotifications } from '@/api/notifications'
import { NotificationList } from '@/features/notifications/components/notification-list'
import { createEvent } from '../support/events'
import { firePageEvent } from '../setup/taro-shim'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/events')
jest.mock('@/api/attendance')
jest.mock('@/api/notifications')
jest.mock('@/api/commitments')
jest.mock('@/api/theme-months')
const mockedGetEvents = jest.mocked(getEvents)
const mockedGetMyAttendance = jest.mocked(getMyAttendance)
const mockedGetNotifications = jest.mocked(getNotifications)
const mockedMyUpcoming = jest.mocked(getMyUpcomingEvents)
const mockedDashCommitment = jest.mocked(getMyCommitment)
const mockedEquinox = jest.mocked(getEquinox)

const OFFLINE = /离线：显示的是上次加载的内容/
const eventsPage = (items: ReturnType<typeof createEvent>[]) => ({ items, total: items.length, page: 1, pageSize: 20 })
const mine = createEvent({ id: 'evt-mine', title: '强村讲堂：我报名的那一讲', myRegistration: { eventId: 'evt-mine', userId: 'u-s01', status: 'registered', attendance: 'pending' } as never })
const attendance: MyAttendance = {
  summary: { registered: 1, present: 1, late: 0, leave: 0, absent: 0, rate: 1, credits: 2 },
  records: [{ event: createEvent({ id: 'evt-past', title: '强村讲堂：上个月的一讲' }), attendance: 'present', credits: 2, checkedInAt: new Date().toISOString() }],
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  useEventsStore.setState({ byId: {}, busy: {} })
})

describe('staleMessage', () => {
  it('should say 离线 for a network failure, 网络太慢 for a timeout, and keep the message of any other error', () => {
    expect(staleMessage(new ApiError({ kind: 'network' }))).toMatch(OFFLINE)
    expect(staleMessage(new ApiError({ kind: 'timeout' }))).toMatch(/^网络太慢/)
    const server = new ApiError({ kind: 'http', status: 500, code: 'INTERNAL', message: '服务器出错了，请稍后重试。' })
    expect(staleMessage(server)).toBe('服务器出错了，请稍后重试。')
    expect(staleMessage(server)).not.toMatch(/离线/)
  })
})

describe('lists when a refresh fails on the network', () => {
  it('should keep the 活动 rows under a 离线 notice, and refresh again with its 重试', async () => {
    mockedGetEvents
      .mockResolvedValueOnce(eventsPage([createEvent()]))
      .mockRejectedValueOnce(new ApiError({ kind: 'network' }))
      .mockResolvedValueOnce(eventsPage([createEvent({ registeredCount: 13 })]))
    render(<EventList onOpen={jest.fn()} />)
    await screen.findByText('剩余 18 个名额')
    await act(async () => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText(OFFLINE)).toBeTruthy()
    expect(screen.getByText('剩余 18 个名额')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('剩余 17 个名额')).toBeTruthy()
    expect(screen.queryByText(OFFLINE)).toBeNull()
  })

  it('should keep the 活动 rows with the server’s own message, not 离线, when a refresh fails on the server', async () => {
    mockedGetEvents.mockResolvedValueOnce(eventsPage([createEvent()])).mockRejectedValueOnce(new ApiError({ kind: 'http', status: 500, code: 'INTERNAL' }))
    render(<EventList onOpen={jest.fn()} />)
    await screen.findByText('剩余 18 个名额')
    await act(async () => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText('服务器出错了，请稍后重试。')).toBeTruthy()
    expect(screen.queryByText(OFFLINE)).toBeNull()
    expect(screen.getByText('剩余 18 个名额')).toBeTruthy()
  })

  it('should refresh the 活动 list when the page shows again (back from a detail page), not when it first shows', async () => {
    mockedGetEvents.mockResolvedValueOnce(eventsPage([createEvent()])).mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    render(<EventList onOpen={jest.fn()} />)
    // The first show (on mount, in the shim as in Taro) loaded the list once.
    await screen.findByText('剩余 18 个名额')
    expect(mockedGetEvents).toHaveBeenCalledTimes(1)
    // Opening the detail page hides this one; coming back shows it again.
    await act(async () => firePageEvent('hide'))
    await act(async () => firePageEvent('show'))
    expect(await screen.findByText(OFFLINE)).toBeTruthy()
    expect(mockedGetEvents).toHaveBeenCalledTimes(2)
  })

  it('should keep 我的报名 under a 离线 notice when its refresh on showing again fails', async () => {
    mockedGetEvents.mockResolvedValueOnce(eventsPage([mine])).mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(eventsPage([mine]))
    render(<MyRegistrations onOpen={jest.fn()} onBrowse={jest.fn()} />)
    await screen.findByText('强村讲堂：我报名的那一讲')
    await act(async () => firePageEvent('hide'))
    await act(async () => firePageEvent('show'))
    expect(await screen.findByText(OFFLINE)).toBeTruthy()
    expect(screen.getByText('强村讲堂：我报名的那一讲')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(screen.queryByText(OFFLINE)).toBeNull())
    expect(mockedGetEvents).toHaveBeenCalledTimes(3)
  })

  it('should keep the 出勤记录 under a 离线 notice when it refreshes on showing again without a connection', async () => {
    mockedGetMyAttendance.mockResolvedValueOnce(attendance).mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(attendance)
    render(<AttendanceRecord />)
    await screen.findByText('100%')
    await act(async () => firePageEvent('show'))
    expect(await screen.findByText(OFFLINE)).toBeTruthy()
    expect(screen.getByText('100%')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(screen.queryByText(OFFLINE)).toBeNull())
    expect(mockedGetMyAttendance).toHaveBeenCalledTimes(3)
  })

  it('should keep the 消息 under a 离线 notice when a pull-down refresh fails on the network', async () => {
    const note = { id: 'n-1', kind: 'waitlist_promoted', title: '候补转正', body: '您已从候补转为已报名。', read: true, createdAt: '2027-03-10T09:00:00+08:00' } as const
    mockedGetNotifications.mockResolvedValueOnce({ items: [note], total: 1, page: 1, pageSize: 20, unread: 0 }).mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    render(<NotificationList />)
    await screen.findByText('候补转正')
    await act(async () => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText(OFFLINE)).toBeTruthy()
    expect(screen.getByText('候补转正')).toBeTruthy()
    // 重试 refreshes again; once it succeeds the notice goes.
    mockedGetNotifications.mockResolvedValueOnce({ items: [note, { ...note, id: 'n-2', title: '活动变更' }], total: 2, page: 1, pageSize: 20, unread: 0 })
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('活动变更')).toBeTruthy()
    expect(screen.queryByText(OFFLINE)).toBeNull()
    expect(mockedGetNotifications).toHaveBeenCalledTimes(3)
  })

  it('should keep the 首页 cards (我的报名) under a 离线 notice when their refresh on showing again fails, instead of 加载失败', async () => {
    mockedMyUpcoming.mockResolvedValueOnce(eventsPage([mine])).mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(eventsPage([mine]))
    mockedDashCommitment.mockResolvedValue(null)
    mockedEquinox.mockResolvedValue('2027-03-21')
    render(<SecretaryDashboard now={Date.now()} unread={0} />)
    await screen.findByText('强村讲堂：我报名的那一讲')
    await act(async () => firePageEvent('hide'))
    await act(async () => firePageEvent('show'))
    expect(await screen.findByText(OFFLINE)).toBeTruthy()
    expect(screen.queryByText('加载失败')).toBeNull()
    expect(screen.getByText('强村讲堂：我报名的那一讲')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(screen.queryByText(OFFLINE)).toBeNull())
    expect(screen.getByText('强村讲堂：我报名的那一讲')).toBeTruthy()
  })
})
