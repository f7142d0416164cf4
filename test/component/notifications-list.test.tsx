import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { Notification } from '@/api/contract/notification'
import { getNotifications, markAllRead, markNotificationRead } from '@/api/notifications'
import { NotificationList } from '@/features/notifications/components/notification-list'
import { useUnreadCount } from '@/features/notifications/hooks/use-unread-count'
import { useNotificationsStore } from '@/features/notifications/notifications-store'
import { Badge } from '@/shared/ui/badge'
import { useSessionStore } from '@/stores/session-store'
import { firePageEvent } from '../setup/taro-shim'

jest.mock('@/api/notifications')
const mockedGet = jest.mocked(getNotifications)
const mockedReadAll = jest.mocked(markAllRead)
const mockedRead = jest.mocked(markNotificationRead)

const note = (id: string, extra: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'waitlist_promoted',
  title: `消息 ${id}`,
  body: '「强村讲堂：村级财务规范」有名额空出，您已从候补转为已报名。',
  read: false,
  createdAt: '2027-03-10T09:00:00+08:00',
  ...extra,
})
const page = (items: Notification[], unread: number, total = items.length, pageNo = 1) => ({ items, total, page: pageNo, pageSize: 20, unread })

let navigateTo: jest.SpyInstance
let switchTab: jest.SpyInstance
let setBadge: jest.SpyInstance
let removeBadge: jest.SpyInstance

beforeEach(() => {
  jest.resetAllMocks()
  useNotificationsStore.setState({ unread: null })
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never)
  setBadge = jest.spyOn(Taro, 'setTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never)
  removeBadge = jest.spyOn(Taro, 'removeTabBarBadge').mockResolvedValue({ errMsg: 'ok' } as never)
  mockedRead.mockResolvedValue(undefined)
  mockedReadAll.mockResolvedValue(undefined)
})

describe('NotificationList', () => {
  it('should mark a notification read when opened and open the event it links to', async () => {
    mockedGet.mockResolvedValue(page([note('n1', { link: '/pages/event-detail/index?id=evt-lecture-full' }), note('n2', { read: true })], 1))
    render(<NotificationList />)
    expect(await screen.findByText('1 条未读')).toBeTruthy()
    expect(screen.getAllByLabelText('未读')).toHaveLength(1)
    expect(setBadge).toHaveBeenLastCalledWith({ index: 4, text: '1' })
    fireEvent.click(screen.getByText('消息 n1'))
    expect(mockedRead).toHaveBeenCalledWith('n1')
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/event-detail/index?id=evt-lecture-full' })
    expect(screen.queryAllByLabelText('未读')).toHaveLength(0)
    expect(screen.getByText('没有未读消息')).toBeTruthy()
    expect(removeBadge).toHaveBeenLastCalledWith({ index: 4 })
  })

  it('should open a tab page (承诺) with switchTab and an honour with navigateTo', async () => {
    mockedGet.mockResolvedValue(
      page([note('c', { link: '/pages/commitments/index?year=2027', read: true }), note('h', { link: '/packages/common/pages/honour-detail/index?id=hon-1', read: true })], 0),
    )
    render(<NotificationList />)
    fireEvent.click(await screen.findByText('消息 c'))
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/commitments/index' })
    fireEvent.click(screen.getByText('消息 h'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/common/pages/honour-detail/index?id=hon-1' })
    expect(mockedRead).not.toHaveBeenCalled()
  })

  it('should follow no link that is not a page of this app', async () => {
    mockedGet.mockResolvedValue(page([note('x', { link: 'https://example.com/phish' }), note('y', { link: '/pages/login/index' })], 2))
    render(<NotificationList />)
    fireEvent.click(await screen.findByText('消息 x'))
    fireEvent.click(screen.getByText('消息 y'))
    expect(navigateTo).not.toHaveBeenCalled()
    expect(switchTab).not.toHaveBeenCalled()
    expect(mockedRead).toHaveBeenCalledTimes(2)
  })

  it('should mark everything read with 全部已读', async () => {
    mockedGet.mockResolvedValue(page([note('n1'), note('n2'), note('n3')], 3))
    render(<NotificationList />)
    fireEvent.click(await screen.findByText('全部已读'))
    await waitFor(() => expect(screen.getByText('没有未读消息')).toBeTruthy())
    expect(mockedReadAll).toHaveBeenCalledTimes(1)
    expect(screen.queryAllByLabelText('未读')).toHaveLength(0)
    expect(useNotificationsStore.getState().unread).toBe(0)
  })

  it('should keep the list and say why when 全部已读 fails', async () => {
    mockedGet.mockResolvedValue(page([note('n1')], 1))
    mockedReadAll.mockRejectedValue(new ApiError({ kind: 'network' }))
    render(<NotificationList />)
    fireEvent.click(await screen.findByText('全部已读'))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    expect(screen.getAllByLabelText('未读')).toHaveLength(1)
    // 重试 sends 全部已读 again.
    mockedReadAll.mockResolvedValue(undefined)
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(mockedReadAll).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(screen.queryAllByLabelText('未读')).toHaveLength(0))
    expect(mockedReadAll).toHaveBeenCalledTimes(2)
  })

  it('should load the next page on reaching the bottom', async () => {
    mockedGet
      .mockResolvedValueOnce(page(Array.from({ length: 20 }, (_, i) => note(`a${i}`, { read: true })), 0, 21))
      .mockResolvedValueOnce(page([note('last', { read: true })], 0, 21, 2))
    render(<NotificationList />)
    await screen.findByText('消息 a0')
    act(() => firePageEvent('reachBottom'))
    expect(await screen.findByText('消息 last')).toBeTruthy()
    expect(mockedGet).toHaveBeenLastCalledWith(2, 20)
    expect(screen.queryByText('加载更多')).toBeNull()
  })

  it('should show the empty state and the error state with 重试', async () => {
    mockedGet.mockRejectedValueOnce(new ApiError({ kind: 'timeout' })).mockResolvedValueOnce(page([], 0))
    render(<NotificationList />)
    expect(await screen.findByText(/请求超时/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('还没有消息')).toBeTruthy()
  })
})

function UnreadProbe() {
  const unread = useUnreadCount()
  return (
    <>
      消息
      <Badge count={unread} />
    </>
  )
}

describe('unread badge', () => {
  beforeEach(() => {
    useSessionStore.setState({ token: 'tok-1', user: { id: 'u-s07', name: '书记', role: 'secretary', town: '孝德镇', phone: '13800000007' } })
  })
  afterEach(() => {
    useSessionStore.setState({ token: null, user: null })
  })

  it('should show the unread count on 我的 and the tab bar each time the page shows', async () => {
    mockedGet.mockResolvedValueOnce(page([], 3)).mockResolvedValueOnce(page([], 120))
    render(<UnreadProbe />)
    expect(await screen.findByLabelText('3 条未读')).toBeTruthy()
    expect(mockedGet).toHaveBeenCalledWith(1, 1)
    expect(setBadge).toHaveBeenLastCalledWith({ index: 4, text: '3' })
    act(() => firePageEvent('show'))
    expect(await screen.findByText('99+')).toBeTruthy()
    expect(setBadge).toHaveBeenLastCalledWith({ index: 4, text: '99+' })
  })

  it('should show no badge at 0 and remove the tab badge', async () => {
    mockedGet.mockResolvedValue(page([], 0))
    render(<UnreadProbe />)
    await waitFor(() => expect(removeBadge).toHaveBeenCalledWith({ index: 4 }))
    expect(screen.queryByLabelText(/条未读/)).toBeNull()
  })

  it('should not ask for the count when signed out', () => {
    useSessionStore.setState({ token: null, user: null })
    render(<UnreadProbe />)
    expect(mockedGet).not.toHaveBeenCalled()
  })
})
