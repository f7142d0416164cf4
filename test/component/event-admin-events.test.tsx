import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import type { User } from '@/api/contract/auth'
import { getEvents } from '@/api/events'
import { OrganiserEvents } from '@/features/event-admin/components/organiser-events'
import OrganiserEventsPage from '@/packages/organiser/pages/events/index'
import RosterPage from '@/packages/organiser/pages/roster/index'
import { useSessionStore } from '@/stores/session-store'
import { createEvent } from '../support/events'
import { firePageEvent } from '../setup/taro-shim'

jest.mock('@/api/events')
const mockedGetEvents = jest.mocked(getEvents)
const page = (items: ReturnType<typeof createEvent>[], total = items.length) => ({ items, total, page: 1, pageSize: 20 })

const secretary: User = { id: 'u-s01', name: '张明', role: 'secretary', town: '剑南街道', village: '城北社区', phone: '13800000001' }

const actions = () => ({ onCreate: jest.fn(), onEdit: jest.fn(), onRoster: jest.fn(), onCheckinCode: jest.fn() })

beforeEach(() => {
  jest.resetAllMocks()
  useSessionStore.setState({ token: null, user: null })
})

const cityOrganiser: User = { id: 'u-o1', name: '周敏', role: 'organiser', town: '剑南街道', phone: '13900000001', scope: { towns: [] } }

describe('OrganiserEvents (活动管理)', () => {
  beforeEach(() => useSessionStore.setState({ token: 'tok', user: cityOrganiser }))

  it("should offer a town organiser 编辑 · 名单 · 签到码 only on their towns' events, the others marked 仅可查看", async () => {
    useSessionStore.setState({ token: 'tok', user: { ...cityOrganiser, id: 'u-o2', town: '孝德镇', scope: { towns: ['孝德镇'] } } })
    mockedGetEvents.mockResolvedValue(
      page([
        createEvent({ id: 'evt-city', title: '强村讲堂：全市场次', audience: { towns: [] } }),
        createEvent({ id: 'evt-own', title: '片区交流：孝德镇', type: 'exchange', audience: { towns: ['孝德镇'] } }),
        createEvent({ id: 'evt-other', title: '片区交流：清平镇', type: 'exchange', audience: { towns: ['清平镇'] } }),
      ]),
    )
    const handlers = actions()
    render(<OrganiserEvents {...handlers} />)
    expect(await screen.findByText('全市活动 · 仅可查看')).toBeTruthy()
    expect(screen.getByText('其他镇的活动 · 仅可查看')).toBeTruthy()
    expect(screen.getAllByText('编辑')).toHaveLength(1)
    expect(screen.getAllByText('名单')).toHaveLength(1)
    fireEvent.click(screen.getByText('名单'))
    expect(handlers.onRoster).toHaveBeenCalledWith('evt-own')
  })

  it('should show 发布活动 and each event with its counts and 编辑 · 名单 · 签到码', async () => {
    mockedGetEvents.mockResolvedValue(
      page([
        createEvent({ registeredCount: 30, capacity: 30, waitlistCount: 4 }),
        createEvent({ id: 'evt-2', title: '片区交流：草稿', type: 'exchange', status: 'draft', registeredCount: 0 }),
      ]),
    )
    const handlers = actions()
    render(<OrganiserEvents {...handlers} />)
    expect(await screen.findByText('已报名 30/30 · 候补 4')).toBeTruthy()
    expect(screen.getByText('草稿')).toBeTruthy()
    fireEvent.click(screen.getByText('发布活动'))
    expect(handlers.onCreate).toHaveBeenCalled()
    fireEvent.click(screen.getAllByText('编辑')[1])
    expect(handlers.onEdit).toHaveBeenCalledWith('evt-2')
    fireEvent.click(screen.getAllByText('名单')[0])
    expect(handlers.onRoster).toHaveBeenCalledWith('evt-1')
    // A draft has no check-in yet: one 签到码 button, for the published event.
    fireEvent.click(screen.getByText('签到码'))
    expect(handlers.onCheckinCode).toHaveBeenCalledWith('evt-1')
    expect(mockedGetEvents).toHaveBeenCalledWith({ when: 'upcoming', page: 1, pageSize: 20 })
  })

  it('should refresh when the page is shown again after another page, such as the form', async () => {
    mockedGetEvents.mockResolvedValueOnce(page([createEvent()])).mockResolvedValueOnce(page([createEvent({ registeredCount: 13 })]))
    render(<OrganiserEvents {...actions()} />)
    await screen.findByText('已报名 12/30 · 候补 0')
    act(() => firePageEvent('hide'))
    act(() => firePageEvent('show'))
    expect(await screen.findByText('已报名 13/30 · 候补 0')).toBeTruthy()
  })

  it('should show an empty state and the error with 重试', async () => {
    mockedGetEvents.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(page([]))
    render(<OrganiserEvents {...actions()} />)
    expect(await screen.findByText('加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('没有进行中或即将开始的活动')).toBeTruthy()
  })
})

describe('organiser pages', () => {
  it('should tell a secretary that the page is for organisers and load nothing', async () => {
    useSessionStore.setState({ token: 'tok', user: secretary })
    render(<OrganiserEventsPage />)
    expect(screen.getByText('此页面仅供组织者使用')).toBeTruthy()
    expect(mockedGetEvents).not.toHaveBeenCalled()
  })

  it('should say the link is wrong when the roster page has no event id', async () => {
    useSessionStore.setState({ token: 'tok', user: { ...secretary, role: 'organiser', id: 'u-o1' } })
    render(<RosterPage />)
    await waitFor(() => expect(screen.getByText('链接有误，找不到这个活动')).toBeTruthy())
  })
})
