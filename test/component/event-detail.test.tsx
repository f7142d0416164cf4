import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { Registration } from '@/api/contract/event'
import { cancelRegistration, getEvent, registerForEvent } from '@/api/events'
import { forgetAttemptsInMemory } from '@/api/kit/keyed-mutation'
import { EventDetail } from '@/features/events/components/event-detail'
import { useEventsStore } from '@/features/events/events-store'
import { createEvent } from '../support/events'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/events')
const mockedGetEvent = jest.mocked(getEvent)
const mockedRegister = jest.mocked(registerForEvent)
const mockedCancel = jest.mocked(cancelRegistration)

const registration = (extra: Partial<Registration> = {}): Registration => ({
  eventId: 'evt-1',
  userId: 'u-s01',
  status: 'registered',
  attendance: 'pending',
  createdAt: new Date().toISOString(),
  ...extra,
})

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  useEventsStore.setState({ byId: {}, busy: {} })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

describe('EventDetail', () => {
  it('should show a loading state, then the event with its deadline, seats and 学时', async () => {
    mockedGetEvent.mockResolvedValue(createEvent())
    render(<EventDetail id='evt-1' />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('强村讲堂：村集体经济“飞地经济”模式解析')).toBeTruthy()
    expect(screen.getByText('报名截止')).toBeTruthy()
    expect(screen.getByText('2 学时')).toBeTruthy()
    expect(screen.getByText('30 人，已报名 12 人')).toBeTruthy()
    expect(screen.getByText('报名')).toBeTruthy()
  })

  it('should show the error with 重试 when the event cannot be loaded', async () => {
    mockedGetEvent.mockRejectedValueOnce(new ApiError({ kind: 'http', status: 404, code: 'NOT_FOUND' })).mockResolvedValueOnce(createEvent())
    render(<EventDetail id='evt-1' />)
    expect(await screen.findByText(/没有找到相关内容/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('报名')).toBeTruthy()
  })

  it('should sign up once however often 报名 is tapped, then read 已报名 with 取消报名', async () => {
    mockedGetEvent.mockResolvedValueOnce(createEvent()).mockResolvedValue(createEvent({ registeredCount: 13, myRegistration: registration() }))
    let answer: (r: Registration) => void = () => {}
    mockedRegister.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    render(<EventDetail id='evt-1' />)
    const button = await screen.findByText('报名')
    fireEvent.click(button)
    fireEvent.click(screen.getByText('处理中…'))
    fireEvent.click(screen.getByText('处理中…'))
    expect(mockedRegister).toHaveBeenCalledTimes(1)
    await act(async () => answer(registration()))
    expect(await screen.findByText('取消报名')).toBeTruthy()
    expect(screen.getByText('已报名，请按时参加')).toBeTruthy()
  })

  it('should reuse the Idempotency-Key when a sign-up that failed on the network is tried again', async () => {
    mockedGetEvent.mockResolvedValue(createEvent())
    mockedRegister.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(registration())
    render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('报名'))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    fireEvent.click(screen.getByText('报名'))
    await waitFor(() => expect(mockedRegister).toHaveBeenCalledTimes(2))
    expect(mockedRegister.mock.calls[1][1]).toBe(mockedRegister.mock.calls[0][1])
  })

  it('should send a sign-up that failed on the network with the same key after the app was closed and opened again', async () => {
    mockedGetEvent.mockResolvedValue(createEvent())
    mockedRegister.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(registration())
    const { unmount } = render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('报名'))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    unmount()
    forgetAttemptsInMemory()
    useEventsStore.setState({ byId: {}, busy: {} })
    render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('报名'))
    expect(await screen.findByText('已报名，请按时参加')).toBeTruthy()
    expect(mockedRegister.mock.calls[1][1]).toBe(mockedRegister.mock.calls[0][1])
  })

  it('should offer 重试 under a sign-up that failed on the network, as its message says, and retry with the same key', async () => {
    mockedGetEvent.mockResolvedValue(createEvent())
    mockedRegister.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(registration())
    render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('报名'))
    expect(await screen.findByText(/点“重试”/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('已报名，请按时参加')).toBeTruthy()
    expect(mockedRegister).toHaveBeenCalledTimes(2)
    expect(mockedRegister.mock.calls[1][1]).toBe(mockedRegister.mock.calls[0][1])
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('should offer no 重试 when the server refused the sign-up for good', async () => {
    mockedGetEvent.mockResolvedValue(createEvent())
    mockedRegister.mockRejectedValueOnce(new ApiError({ kind: 'http', status: 409, code: 'SIGNUP_CLOSED' }))
    render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('报名'))
    expect(await screen.findByText(/报名已截止或活动已取消/)).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('should show 候补第 N 位 for a waitlisted secretary', async () => {
    mockedGetEvent.mockResolvedValue(
      createEvent({ registeredCount: 30, waitlistCount: 3, myRegistration: registration({ status: 'waitlisted', waitlistPosition: 2 }) }),
    )
    render(<EventDetail id='evt-1' />)
    expect((await screen.findAllByText('候补第 2 位')).length).toBeGreaterThan(0)
    expect(screen.getByText('取消报名')).toBeTruthy()
  })

  it('should ask a contest\'s items first and refuse to send without one', async () => {
    mockedGetEvent.mockResolvedValue(createEvent({ type: 'contest', contestItems: ['政策理论知识竞答', '产业项目路演'] }))
    mockedRegister.mockResolvedValue(registration({ contestItems: ['产业项目路演'] }))
    render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('选择项目并报名'))
    fireEvent.click(screen.getByText('报名'))
    expect(screen.getByText('请至少选择一个参赛项目。')).toBeTruthy()
    expect(mockedRegister).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('产业项目路演'))
    fireEvent.click(screen.getByText('报名'))
    await waitFor(() => expect(mockedRegister).toHaveBeenCalledWith('evt-1', expect.any(String), ['产业项目路演']))
  })

  it('should say 报名已截止 after the deadline and offer no sign-up', async () => {
    const start = Date.now() + 60 * 60 * 1000
    mockedGetEvent.mockResolvedValue(
      createEvent({ startAt: new Date(start).toISOString(), signupDeadline: new Date(Date.now() - 1000).toISOString() }),
    )
    render(<EventDetail id='evt-1' />)
    expect((await screen.findAllByText('报名已截止')).length).toBeGreaterThan(0)
    expect(screen.queryByText('报名')).toBeNull()
  })

  it('should cancel after confirmation', async () => {
    mockedGetEvent.mockResolvedValue(createEvent({ myRegistration: registration() }))
    mockedCancel.mockResolvedValue(registration({ status: 'cancelled' }))
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    render(<EventDetail id='evt-1' />)
    fireEvent.click(await screen.findByText('取消报名'))
    await waitFor(() => expect(mockedCancel).toHaveBeenCalledWith('evt-1', expect.any(String)))
  })
})
