import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import { cancelEvent, createEvent as postEvent, updateEvent } from '@/api/event-admin'
import { getEvent } from '@/api/events'
import { EventForm } from '@/features/event-admin/components/event-form'
import { useSessionStore } from '@/stores/session-store'
import { createEvent } from '../support/events'

jest.mock('@/api/event-admin')
jest.mock('@/api/events')
const mockedPost = jest.mocked(postEvent)
const mockedUpdate = jest.mocked(updateEvent)
const mockedGetEvent = jest.mocked(getEvent)
const mockedCancel = jest.mocked(cancelEvent)

/** Types into the native control of the Taro Input or Textarea labelled `label`. */
async function type(label: string, value: string) {
  // The label is on the native control itself (shared/ui/a11y fieldLabel), rendered a moment after the element.
  const control = await waitFor(() => screen.getByLabelText(label, { selector: 'input, textarea' }))
  fireEvent.input(control, { target: { value } })
}

/** A 强村讲堂 form filled in apart from what a test changes, dated next week. */
const filled = {
  title: '强村讲堂：村级财务规范',
  venueName: '绵竹市委党校报告厅',
  venueAddress: '绵竹市剑南街道棋盘街 8 号',
  startDate: '2099-03-21',
  startTime: '09:00',
  endDate: '2099-03-21',
  endTime: '11:30',
  deadlineDate: '2099-03-20',
  deadlineTime: '18:00',
  capacity: '50',
}

beforeEach(() => {
  useSessionStore.setState({ token: null, user: null })
  jest.resetAllMocks()
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

describe('EventForm (发布活动)', () => {
  it("should offer a town organiser only their own towns, chosen from the start, and no 全市", async () => {
    useSessionStore.setState({
      token: 'tok',
      user: { id: 'u-o2', name: '王组织', role: 'organiser', town: '孝德镇', phone: '13900000002', scope: { towns: ['孝德镇'] } },
    })
    render(<EventForm initialValues={filled} onDone={jest.fn()} />)
    const picker = await screen.findByRole('group', { name: '面向镇（街道）' })
    const chips = Array.from(picker.children).map((chip) => chip.textContent)
    expect(chips).toEqual(['孝德镇'])
    expect(screen.getByText('孝德镇').getAttribute('aria-checked')).toBe('true')
    // Unticking the only town is caught before sending.
    fireEvent.click(screen.getByText('孝德镇'))
    fireEvent.click(screen.getByText('发布活动'))
    expect(await screen.findByText('只能面向你管理的镇（街道）：孝德镇')).toBeTruthy()
    expect(mockedPost).not.toHaveBeenCalled()
  })

  it('should say what is wrong under each field and send nothing', async () => {
    const onDone = jest.fn()
    render(<EventForm initialValues={{ ...filled, endTime: '08:00' }} onDone={onDone} />)
    fireEvent.click(screen.getByText('技能比武'))
    await type('活动名称', '讲')
    fireEvent.click(screen.getByText('发布活动'))

    expect(await screen.findByText('至少 2 个字')).toBeTruthy()
    expect(screen.getByText('结束时间应晚于开始时间')).toBeTruthy()
    expect(screen.getByText('至少设置 1 个比赛项目')).toBeTruthy()
    expect(screen.getByText(/还有 3 处需要修改/)).toBeTruthy()
    expect(mockedPost).not.toHaveBeenCalled()
    expect(onDone).not.toHaveBeenCalled()
  })

  it('should ask for the required fields of an empty form', async () => {
    render(<EventForm onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('保存草稿'))
    expect(await screen.findByText('请填写活动名称')).toBeTruthy()
    expect(screen.getByText('请填写地点名称')).toBeTruthy()
    expect(screen.getByText('请填写详细地址')).toBeTruthy()
    expect(screen.getByText('请填写名额')).toBeTruthy()
    expect(mockedPost).not.toHaveBeenCalled()
  })

  it('should post a 技能比武 with its items, towns, 学时 and times in China time (+08:00)', async () => {
    const onDone = jest.fn()
    mockedPost.mockImplementation(async (body) => createEvent({ id: 'evt-new', type: 'contest', title: body.title }))
    render(<EventForm initialValues={filled} onDone={onDone} />)
    fireEvent.click(screen.getByText('技能比武'))
    fireEvent.click(screen.getByText('添加比赛项目'))
    await type('比赛项目 1', '政策理论知识竞答')
    fireEvent.click(screen.getByText('添加比赛项目'))
    await type('比赛项目 2', '产业项目路演')
    fireEvent.click(screen.getByText('汉旺镇'))
    fireEvent.click(screen.getByText('清平镇'))
    // An icon-only button: named by its visually hidden label, with the button role on H5.
    fireEvent.click(screen.getByRole('button', { name: '增加 0.5 学时' }))
    await type('纬度', '31.338')
    await type('经度', '104.207')
    fireEvent.click(screen.getByText('发布活动'))

    await waitFor(() => expect(mockedPost).toHaveBeenCalledTimes(1))
    const [body, key] = mockedPost.mock.calls[0]
    expect(body).toEqual({
      type: 'contest',
      title: '强村讲堂：村级财务规范',
      description: '',
      venue: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号', lat: 31.338, lng: 104.207 },
      startAt: '2099-03-21T09:00:00+08:00',
      endAt: '2099-03-21T11:30:00+08:00',
      signupDeadline: '2099-03-20T18:00:00+08:00',
      capacity: 50,
      credits: 2.5,
      audience: { towns: ['汉旺镇', '清平镇'] },
      contestItems: ['政策理论知识竞答', '产业项目路演'],
      status: 'published',
    })
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ id: 'evt-new' }), 'published'))
  })

  it('should save a draft with status draft', async () => {
    mockedPost.mockResolvedValue(createEvent({ status: 'draft' }))
    render(<EventForm initialValues={filled} onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('保存草稿'))
    await waitFor(() => expect(mockedPost).toHaveBeenCalledWith(expect.objectContaining({ status: 'draft' }), expect.any(String)))
  })

  it('should show the server\'s field errors on the same fields and keep what was typed', async () => {
    mockedPost.mockRejectedValue(
      new ApiError({
        kind: 'http',
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '填写的内容有误，请按提示修改后再提交。',
        fields: { title: '已有同名活动', 'venue.address': '地址不在绵竹市' },
      }),
    )
    render(<EventForm initialValues={filled} onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('发布活动'))
    expect(await screen.findByText('已有同名活动')).toBeTruthy()
    expect(screen.getByText('地址不在绵竹市')).toBeTruthy()
    expect(screen.getByText('填写的内容有误，请按提示修改后再提交。')).toBeTruthy()
    expect(((await screen.findByLabelText('活动名称')) as HTMLElement & { value: string }).value).toBe('强村讲堂：村级财务规范')
  })

  it('should keep the form and reuse the Idempotency-Key when a post fails on the network', async () => {
    mockedPost.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(createEvent())
    const onDone = jest.fn()
    render(<EventForm initialValues={filled} onDone={onDone} />)
    fireEvent.click(screen.getByText('发布活动'))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    fireEvent.click(screen.getByText('发布活动'))
    await waitFor(() => expect(mockedPost).toHaveBeenCalledTimes(2))
    expect(mockedPost.mock.calls[1][1]).toBe(mockedPost.mock.calls[0][1])
    expect(mockedPost.mock.calls[1][0]).toEqual(mockedPost.mock.calls[0][0])
    await waitFor(() => expect(onDone).toHaveBeenCalled())
  })

  it('should use a new key once the body changed', async () => {
    mockedPost.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(createEvent())
    render(<EventForm initialValues={filled} onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('发布活动'))
    await screen.findByText(/网络连接失败/)
    await type('名额', '60')
    fireEvent.click(screen.getByText('发布活动'))
    await waitFor(() => expect(mockedPost).toHaveBeenCalledTimes(2))
    expect(mockedPost.mock.calls[1][1]).not.toBe(mockedPost.mock.calls[0][1])
  })
})

describe('EventForm (编辑活动)', () => {
  const published = () =>
    createEvent({
      id: 'evt-7',
      startAt: '2099-03-21T01:00:00Z',
      endAt: '2099-03-21T03:30:00Z',
      signupDeadline: '2099-03-20T10:00:00Z',
      registeredCount: 12,
    })

  it('should load the event and send only what changed', async () => {
    mockedGetEvent.mockResolvedValue(published())
    mockedUpdate.mockResolvedValue({ ...published(), capacity: 40 })
    const onDone = jest.fn()
    render(<EventForm id='evt-7' onDone={onDone} />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    await screen.findByText('保存修改')
    expect(screen.getByText('09:00')).toBeTruthy()
    await type('名额', '40')
    fireEvent.click(screen.getByText('保存修改'))
    await waitFor(() => expect(mockedUpdate).toHaveBeenCalledWith('evt-7', { capacity: 40 }, expect.any(String)))
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ capacity: 40 }), 'saved'))
  })

  it('should say so when nothing was changed', async () => {
    mockedGetEvent.mockResolvedValue(published())
    render(<EventForm id='evt-7' onDone={jest.fn()} />)
    fireEvent.click(await screen.findByText('保存修改'))
    expect(await screen.findByText('没有修改任何内容。')).toBeTruthy()
    expect(mockedUpdate).not.toHaveBeenCalled()
  })

  it('should show why a capacity below the registered count is refused, on the capacity field', async () => {
    mockedGetEvent.mockResolvedValue(published())
    mockedUpdate.mockRejectedValue(
      new ApiError({ kind: 'http', status: 409, code: 'CAPACITY_BELOW_REGISTERED', message: '名额不能少于已报名人数。' }),
    )
    render(<EventForm id='evt-7' onDone={jest.fn()} />)
    await screen.findByText('保存修改')
    await type('名额', '5')
    fireEvent.click(screen.getByText('保存修改'))
    expect(await screen.findByText('名额不能少于已报名人数。目前已报名 12 人。')).toBeTruthy()
  })

  it('should show the load error with 重试', async () => {
    mockedGetEvent.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(published())
    render(<EventForm id='evt-7' onDone={jest.fn()} />)
    expect(await screen.findByText('加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('保存修改')).toBeTruthy()
  })

  it('should publish a draft with 发布活动', async () => {
    const draft = { ...published(), status: 'draft' as const }
    mockedGetEvent.mockResolvedValue(draft)
    mockedUpdate.mockResolvedValue({ ...draft, status: 'published' })
    render(<EventForm id='evt-7' onDone={jest.fn()} />)
    fireEvent.click(await screen.findByText('发布活动'))
    await waitFor(() => expect(mockedUpdate).toHaveBeenCalledWith('evt-7', { status: 'published' }, expect.any(String)))
  })

  it('should cancel the event only with a reason', async () => {
    mockedGetEvent.mockResolvedValue(published())
    mockedCancel.mockResolvedValue({ ...published(), status: 'cancelled' })
    const onDone = jest.fn()
    render(<EventForm id='evt-7' onDone={onDone} />)
    fireEvent.click(await screen.findByText('取消活动'))
    fireEvent.click(screen.getByText('确认取消活动'))
    expect(await screen.findByText('取消原因至少 2 个字')).toBeTruthy()
    expect(mockedCancel).not.toHaveBeenCalled()
    await type('取消原因', '场地临时检修')
    await act(async () => {
      fireEvent.click(screen.getByText('确认取消活动'))
    })
    await waitFor(() => expect(mockedCancel).toHaveBeenCalledWith('evt-7', '场地临时检修', expect.any(String)))
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' }), 'cancelled')
    expect(await screen.findByText('这个活动已取消，不能再修改。')).toBeTruthy()
  })
})
