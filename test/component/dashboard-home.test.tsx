import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { Commitment } from '@/api/contract/commitment'
import type { Event, Registration } from '@/api/contract/event'
import { countSubmittedCommitments, getMyCommitment } from '@/api/commitments'
import { getEquinox } from '@/api/theme-months'
import { getMyUpcomingEvents, getUpcomingEvents } from '@/api/events'
import { OrganiserDashboard } from '@/features/dashboard/components/organiser-dashboard'
import { SecretaryDashboard } from '@/features/dashboard/components/secretary-dashboard'
import { prefetchHome } from '@/features/dashboard/prefetch-home'
import { clearPrefetched } from '@/shared/lib/prefetch'
import { useSessionStore } from '@/stores/session-store'
import { firePageEvent } from '../setup/taro-shim'
import { createEvent } from '../support/events'

jest.mock('@/api/commitments')
jest.mock('@/api/theme-months')
jest.mock('@/api/events')
const mockedCount = jest.mocked(countSubmittedCommitments)
const mockedEquinox = jest.mocked(getEquinox)
const mockedCommitment = jest.mocked(getMyCommitment)
const mockedMyEvents = jest.mocked(getMyUpcomingEvents)
const mockedEvents = jest.mocked(getUpcomingEvents)

const MIN = 60_000
const NOW = Date.parse('2027-05-12T08:40:00+08:00')
const iso = (ms: number) => new Date(ms).toISOString()
const mine = (extra: Partial<Registration> = {}): Registration => ({ eventId: 'evt-1', userId: 'u-s01', status: 'registered', attendance: 'pending', createdAt: iso(NOW - 86_400_000), ...extra })
const page = (items: Event[]) => ({ items, total: items.length, page: 1, pageSize: 20 })
/** An event starting `inMinutes` from NOW, two hours long. */
const at = (id: string, inMinutes: number, extra: Partial<Event> = {}) =>
  createEvent({ id, title: `活动 ${id}`, startAt: iso(NOW + inMinutes * MIN), endAt: iso(NOW + (inMinutes + 120) * MIN), ...extra })

const sheet = (extra: Partial<Commitment> = {}): Commitment => ({
  id: 'c-1',
  year: 2027,
  owner: { id: 'u-s01', name: '王建华', role: 'secretary', town: '剑南街道', phone: '13800000001' },
  status: 'approved',
  items: [
    { id: 'i1', category: '集体经济', title: '村集体经济收入增长 20%', target: '达到 50 万元', dueQuarter: 2, progress: [], latestPercent: 40 },
    { id: 'i2', category: '民生实事', title: '修缮村道 3 公里', target: '完成', dueQuarter: 4, progress: [], latestPercent: 0 },
  ],
  completion: 20,
  updatedAt: iso(NOW),
  ...extra,
})

let navigateTo: jest.SpyInstance
let switchTab: jest.SpyInstance

beforeEach(() => {
  clearPrefetched()
  jest.resetAllMocks()
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'ok' } as never)
  mockedCommitment.mockResolvedValue(sheet())
  mockedEquinox.mockResolvedValue('2027-03-21')
})

describe('SecretaryDashboard', () => {
  it('should offer 去签到 for a registered event whose check-in window is open, and open 签到 with its id', async () => {
    mockedMyEvents.mockResolvedValue(page([at('soon', 20, { myRegistration: mine() }), at('later', 31, { myRegistration: mine() })]))
    render(<SecretaryDashboard now={NOW} unread={0} />)
    const card = (await screen.findByText('签到已开始')).parentElement as HTMLElement
    expect(within(card).getByText('活动 soon')).toBeTruthy()
    expect(screen.getAllByText('去签到')).toHaveLength(1)
    fireEvent.click(screen.getByText('去签到'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/secretary/pages/checkin/index?id=soon' })
  })

  it('should not offer 签到 outside the window, once checked in, or on the waitlist', async () => {
    mockedMyEvents.mockResolvedValue(
      page([
        at('early', 31, { myRegistration: mine() }),
        at('done', 0, { myRegistration: mine({ attendance: 'present', checkedInAt: iso(NOW) }) }),
        at('wait', 0, { myRegistration: mine({ status: 'waitlisted', waitlistPosition: 2 }) }),
      ]),
    )
    render(<SecretaryDashboard now={NOW} unread={0} />)
    expect(await screen.findByText('活动 early')).toBeTruthy()
    expect(screen.queryByText('签到已开始')).toBeNull()
    expect(screen.getByText(/候补第 2 位/)).toBeTruthy()
    fireEvent.click(screen.getByText('活动 early'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/event-detail/index?id=early' })
  })

  it('should show this year\'s commitment status with the items due this quarter, opening the 承诺 tab', async () => {
    mockedMyEvents.mockResolvedValue(page([]))
    render(<SecretaryDashboard now={NOW} unread={0} />)
    expect(await screen.findByText('已通过 · 完成 20%')).toBeTruthy()
    expect(screen.getByText('本季度（第 2 季度）到期：村集体经济收入增长 20% 40%')).toBeTruthy()
    expect(mockedCommitment).toHaveBeenCalledWith(2027)
    fireEvent.click(screen.getByText('已通过 · 完成 20%'))
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/commitments/index' })
  })

  it('should say 尚未填写履职承诺 when there is no sheet, and show errors with 重试', async () => {
    mockedMyEvents.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValue(page([]))
    mockedCommitment.mockResolvedValue(null)
    render(<SecretaryDashboard now={NOW} unread={3} />)
    expect(await screen.findByText('尚未填写履职承诺')).toBeTruthy()
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('近期没有报名的活动')).toBeTruthy()
    expect(screen.getByText('3 条未读消息')).toBeTruthy()
    fireEvent.click(screen.getByText('3 条未读消息'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/common/pages/notifications/index' })
  })

  it('should show the theme month banner with the 春分 countdown in February–March only', async () => {
    mockedMyEvents.mockResolvedValue(page([]))
    const { unmount } = render(<SecretaryDashboard now={Date.parse('2027-03-01T09:00:00+08:00')} unread={0} />)
    expect(await screen.findByText('春分 3月21日 · 距春分还有 20 天')).toBeTruthy()
    expect(mockedEquinox).toHaveBeenCalledWith(2027)
    fireEvent.click(screen.getByText('2027 年支书主题活动月'))
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/honours/index' })
    unmount()
    mockedEquinox.mockClear()
    render(<SecretaryDashboard now={NOW} unread={0} />)
    await screen.findByText('已通过 · 完成 20%')
    expect(screen.queryByText(/支书主题活动月/)).toBeNull()
    expect(mockedEquinox).not.toHaveBeenCalled()
  })

  it('should show one placeholder until every card has its answer, then all cards and the footer together', async () => {
    let answerEvents: (value: ReturnType<typeof page>) => void = () => undefined
    mockedMyEvents.mockReturnValue(new Promise((resolve) => (answerEvents = resolve)))
    render(<SecretaryDashboard now={NOW} unread={0} footer={<span>查看全部活动</span>} />)
    // The commitment has answered, the sign-ups have not: nothing that would later move is on screen yet.
    await screen.findByText('正在加载首页…')
    await Promise.resolve()
    expect(screen.queryByText('2027 年履职承诺')).toBeNull()
    expect(screen.queryByText('查看全部活动')).toBeNull()
    answerEvents(page([]))
    expect(await screen.findByText('近期没有报名的活动')).toBeTruthy()
    expect(screen.getByText('已通过 · 完成 20%')).toBeTruthy()
    expect(screen.getByText('查看全部活动')).toBeTruthy()
    expect(screen.queryByText('正在加载首页…')).toBeNull()
  })

  it('should offer nothing that asks for daily use: no sign-in streak, no points', async () => {
    mockedMyEvents.mockResolvedValue(page([]))
    const { container } = render(<SecretaryDashboard now={NOW} unread={0} />)
    await screen.findByText('已通过 · 完成 20%')
    expect(container.textContent).not.toMatch(/连续|积分|打卡/)
  })
})

describe('OrganiserDashboard', () => {
  it('should list today\'s events with check-in counts and open 签到码 and 名单', async () => {
    mockedEvents.mockResolvedValue(
      page([
        at('today', 20, { checkedInCount: 8, registeredCount: 30 }),
        at('nocount', 200, { registeredCount: 12 }),
        at('tomorrow', 24 * 60),
        at('draft', 60, { status: 'draft' }),
      ]),
    )
    mockedCount.mockResolvedValue(4)
    render(<OrganiserDashboard now={NOW} />)
    expect(await screen.findByText(/已签到 8 \/ 已报名 30/)).toBeTruthy()
    expect(screen.getByText(/已报名 12 人/)).toBeTruthy()
    expect(screen.queryByText('活动 tomorrow')).toBeNull()
    expect(screen.queryByText('活动 draft')).toBeNull()
    fireEvent.click(screen.getAllByText('签到码')[0])
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/organiser/pages/checkin-code/index?id=today' })
    fireEvent.click(screen.getAllByText('名单')[0])
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/organiser/pages/roster/index?id=today' })
  })

  it('should list open sign-ups at 80% or more and the sheets waiting for review', async () => {
    mockedEvents.mockResolvedValue(
      page([
        at('full', 3 * 24 * 60, { capacity: 30, registeredCount: 27, waitlistCount: 0, signupDeadline: iso(NOW + 2 * 86_400_000) }),
        at('half', 3 * 24 * 60, { capacity: 30, registeredCount: 15, signupDeadline: iso(NOW + 2 * 86_400_000) }),
        at('closed', 3 * 24 * 60, { capacity: 30, registeredCount: 30, signupDeadline: iso(NOW - MIN) }),
      ]),
    )
    mockedCount.mockResolvedValue(4)
    render(<OrganiserDashboard now={NOW} />)
    expect(await screen.findByText('已报名 27/30')).toBeTruthy()
    expect(screen.queryByText('活动 half')).toBeNull()
    expect(screen.queryByText('活动 closed')).toBeNull()
    expect(screen.getByText('今天没有活动')).toBeTruthy()
    expect(mockedCount).toHaveBeenCalledWith(2027)
    fireEvent.click(screen.getByText('4 份等待审核'))
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/organiser/pages/commitments/index' })
  })

  it('should show the review card\'s error with 重试 when the commitments list is not there (404)', async () => {
    mockedEvents.mockResolvedValue(page([]))
    mockedCount.mockRejectedValueOnce(new ApiError({ kind: 'http', status: 404, code: 'NOT_FOUND' })).mockResolvedValueOnce(0)
    render(<OrganiserDashboard now={NOW} />)
    expect(await screen.findByText(/没有找到相关内容/)).toBeTruthy()
    expect(screen.getByText('今天没有活动')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('没有等待审核的承诺')).toBeTruthy()
  })
})

describe('首页 asked for at launch (prefetchHome)', () => {
  it('should show a secretary the answers asked for at launch, without asking again, and ask anew on the next showing', async () => {
    mockedMyEvents.mockResolvedValue(page([at('soon', 20, { myRegistration: mine() })]))
    prefetchHome('secretary', NOW)
    // Asked before 首页's code has rendered anything.
    expect(mockedMyEvents).toHaveBeenCalledTimes(1)
    expect(mockedCommitment).toHaveBeenCalledWith(2027)
    expect(mockedEquinox).not.toHaveBeenCalled()
    render(<SecretaryDashboard now={NOW} unread={0} />)
    expect(await screen.findByText('签到已开始')).toBeTruthy()
    expect(screen.getByText('已通过 · 完成 20%')).toBeTruthy()
    expect(mockedMyEvents).toHaveBeenCalledTimes(1)
    expect(mockedCommitment).toHaveBeenCalledTimes(1)
    await act(async () => firePageEvent('show'))
    expect(mockedMyEvents).toHaveBeenCalledTimes(2)
    expect(mockedCommitment).toHaveBeenCalledTimes(2)
  })

  it('should ask for the 春分 date at launch in February–March', async () => {
    mockedMyEvents.mockResolvedValue(page([]))
    const march = Date.parse('2027-03-01T09:00:00+08:00')
    prefetchHome('secretary', march)
    expect(mockedEquinox).toHaveBeenCalledWith(2027)
    render(<SecretaryDashboard now={march} unread={0} />)
    expect(await screen.findByText('春分 3月21日 · 距春分还有 20 天')).toBeTruthy()
    expect(mockedEquinox).toHaveBeenCalledTimes(1)
  })

  it('should show an organiser the answers asked for at launch', async () => {
    mockedEvents.mockResolvedValue(page([at('today', 20, { checkedInCount: 8, registeredCount: 30 })]))
    mockedCount.mockResolvedValue(4)
    prefetchHome('organiser', NOW)
    expect(mockedMyEvents).not.toHaveBeenCalled()
    render(<OrganiserDashboard now={NOW} />)
    expect(await screen.findByText(/已签到 8 \/ 已报名 30/)).toBeTruthy()
    expect(screen.getByText('4 份等待审核')).toBeTruthy()
    expect(mockedEvents).toHaveBeenCalledTimes(1)
    expect(mockedCount).toHaveBeenCalledTimes(1)
  })

  it('should let a failed launch request show its error with 重试, which asks again', async () => {
    mockedMyEvents.mockRejectedValueOnce(new ApiError({ kind: 'network', message: '网络连接失败，请检查网络后重试。' })).mockResolvedValueOnce(page([]))
    prefetchHome('secretary', NOW)
    render(<SecretaryDashboard now={NOW} unread={0} />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('近期没有报名的活动')).toBeTruthy()
    expect(mockedMyEvents).toHaveBeenCalledTimes(2)
  })

  it('should never show the next user what was asked for in the last session', async () => {
    mockedMyEvents.mockResolvedValueOnce(page([at('a-only', 20, { myRegistration: mine() })])).mockResolvedValueOnce(page([]))
    prefetchHome('secretary', NOW)
    useSessionStore.getState().clear()
    render(<SecretaryDashboard now={NOW} unread={0} />)
    expect(await screen.findByText('近期没有报名的活动')).toBeTruthy()
    expect(screen.queryByText('活动 a-only')).toBeNull()
    expect(mockedMyEvents).toHaveBeenCalledTimes(2)
  })
})
