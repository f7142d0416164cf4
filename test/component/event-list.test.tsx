import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import { getEvents } from '@/api/events'
import { EventList } from '@/features/events/components/event-list'
import { useEventsStore } from '@/features/events/events-store'
import { createEvent } from '../support/events'
import { firePageEvent } from '../setup/taro-shim'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/events')
const mockedGetEvents = jest.mocked(getEvents)
const page = (items: ReturnType<typeof createEvent>[], total = items.length, pageNo = 1) => ({ items, total, page: pageNo, pageSize: 20 })

beforeEach(() => {
  forgetKeyedAttempts()
  mockedGetEvents.mockReset()
  useEventsStore.setState({ byId: {}, busy: {} })
})

describe('EventList', () => {
  it('should show a loading state, then each event with its type, place and seats left', async () => {
    mockedGetEvents.mockResolvedValue(page([createEvent(), createEvent({ id: 'evt-2', type: 'contest', title: '技能比武：履职能力大比武', registeredCount: 30, waitlistCount: 2 })]))
    render(<EventList onOpen={jest.fn()} />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('强村讲堂：村集体经济“飞地经济”模式解析')).toBeTruthy()
    expect(screen.getByText('剩余 18 个名额')).toBeTruthy()
    expect(screen.getByText('名额已满，可候补（2 人候补中）')).toBeTruthy()
    expect(screen.getAllByText('地点：绵竹市委党校报告厅')).toHaveLength(2)
    expect(mockedGetEvents).toHaveBeenCalledWith(expect.objectContaining({ when: 'upcoming', page: 1 }))
  })

  it('should filter by type when a chip is tapped', async () => {
    mockedGetEvents.mockResolvedValue(page([createEvent()]))
    render(<EventList onOpen={jest.fn()} />)
    await screen.findByText('剩余 18 个名额')
    fireEvent.click(screen.getByText('技能比武', { selector: '[role="tab"]' }))
    await waitFor(() => expect(mockedGetEvents).toHaveBeenLastCalledWith(expect.objectContaining({ type: 'contest', page: 1 })))
  })

  it('should show an empty state that says what to do', async () => {
    mockedGetEvents.mockResolvedValue(page([]))
    render(<EventList onOpen={jest.fn()} />)
    expect(await screen.findByText('近期没有可报名的活动')).toBeTruthy()
  })

  it('should show the error with 重试, and load again when it is tapped', async () => {
    mockedGetEvents.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(page([createEvent()]))
    render(<EventList onOpen={jest.fn()} />)
    expect(await screen.findByText('加载失败')).toBeTruthy()
    expect(screen.getByText(/网络连接失败/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('剩余 18 个名额')).toBeTruthy()
  })

  it('should load the next page with 加载更多 and append it', async () => {
    mockedGetEvents
      .mockResolvedValueOnce(page([createEvent()], 2))
      .mockResolvedValueOnce(page([createEvent({ id: 'evt-2', title: '第二页的活动' })], 2, 2))
    render(<EventList onOpen={jest.fn()} />)
    await screen.findByText('剩余 18 个名额')
    await act(async () => {
      fireEvent.click(screen.getByText('加载更多'))
    })
    expect(await screen.findByText('第二页的活动')).toBeTruthy()
    expect(screen.getByText('共 2 个活动')).toBeTruthy()
  })

  it('should reload on pull-down and keep the rows shown when that reload fails', async () => {
    mockedGetEvents.mockResolvedValueOnce(page([createEvent()])).mockRejectedValueOnce(new ApiError({ kind: 'timeout' }))
    render(<EventList onOpen={jest.fn()} />)
    await screen.findByText('剩余 18 个名额')
    await act(async () => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText(/网络太慢，没有刷新成功：显示的是上次加载的内容/)).toBeTruthy()
    expect(screen.getByText('剩余 18 个名额')).toBeTruthy()
    expect(mockedGetEvents).toHaveBeenCalledTimes(2)
  })

  it('should open the event when its row is tapped', async () => {
    const onOpen = jest.fn()
    mockedGetEvents.mockResolvedValue(page([createEvent()]))
    render(<EventList onOpen={onOpen} />)
    fireEvent.click(await screen.findByText('强村讲堂：村集体经济“飞地经济”模式解析'))
    expect(onOpen).toHaveBeenCalledWith('evt-1')
  })
})
