import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { RosterRow } from '@/api/contract/event'
import { exportRoster } from '@/features/event-admin/lib/export-roster'
import { getEvent } from '@/api/events'
import { getRoster, overrideAttendance } from '@/api/roster'
import { Roster } from '@/features/event-admin/components/roster'
import { createEvent } from '../support/events'

jest.mock('@/api/events')
jest.mock('@/api/roster')
jest.mock('@/features/event-admin/lib/export-roster')
const mockedGetEvent = jest.mocked(getEvent)
const mockedGetRoster = jest.mocked(getRoster)
const mockedOverride = jest.mocked(overrideAttendance)
const mockedExport = jest.mocked(exportRoster)

/** A roster row of a registered secretary, with overrides. */
function createRosterRow(id: string, name: string, overrides: Partial<RosterRow> = {}): RosterRow {
  return {
    user: { id, name, role: 'secretary', town: '汉旺镇', village: '武都村', phone: '13800000001' },
    status: 'registered',
    attendance: 'pending',
    audit: [],
    ...overrides,
  }
}

const EVENT = createEvent({ id: 'evt-1', startAt: '2099-03-21T01:00:00Z', endAt: '2099-03-21T04:00:00Z' })
const ROWS = [
  createRosterRow('u1', '张三', { attendance: 'present', checkedInAt: '2099-03-21T00:52:00Z' }),
  createRosterRow('u2', '李四'),
  createRosterRow('u3', '王五', { status: 'waitlisted', waitlistPosition: 1 }),
  createRosterRow('u4', '赵六', { status: 'cancelled' }),
]
const page = (items: RosterRow[], total = items.length, pageNo = 1) => ({ items, total, page: pageNo, pageSize: 100 })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A promise the test settles by hand: the PUT still on the wire. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** The roster row of the person named `name` (the main part and the quick button). */
const rowOf = (name: string) => screen.getByText(name).closest('.ea-row') as HTMLElement
/** The attendance tag of a row: the third item of its top line. */
const attendanceOf = (name: string) => rowOf(name).querySelector('.ea-row__top')?.children[2]?.textContent

beforeEach(() => {
  jest.resetAllMocks()
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  mockedGetEvent.mockResolvedValue(EVENT)
})

describe('Roster (名单)', () => {
  it('should list each person with village, phone, status, attendance and check-in time', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    render(<Roster eventId='evt-1' />)
    expect(screen.getByText('正在加载名单…')).toBeTruthy()
    expect(await screen.findByText('张三')).toBeTruthy()
    expect(screen.getAllByText('汉旺镇 武都村 · 13800000001')).toHaveLength(4)
    expect(screen.getByText('签到 08:52')).toBeTruthy()
    expect(screen.getByText('候补第 1 位')).toBeTruthy()
    expect(screen.getAllByText('待签到').length).toBeGreaterThan(0)
    expect(screen.getByText('全部 4')).toBeTruthy()
    expect(mockedGetRoster).toHaveBeenCalledWith('evt-1', 1, 100)
  })

  it('should keep only the rows of the chosen status and attendance', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    render(<Roster eventId='evt-1' />)
    await screen.findByText('张三')
    fireEvent.click(screen.getByText('候补 1'))
    expect(screen.getByText('王五')).toBeTruthy()
    expect(screen.queryByText('张三')).toBeNull()
    fireEvent.click(screen.getByText('全部 4'))
    fireEvent.click(screen.getByText('出席 1'))
    expect(screen.getByText('张三')).toBeTruthy()
    expect(screen.queryByText('李四')).toBeNull()
    fireEvent.click(screen.getByText('已取消 1'))
    expect(screen.getByText('没有符合条件的人')).toBeTruthy()
    fireEvent.click(screen.getByText('显示全部'))
    expect(screen.getByText('李四')).toBeTruthy()
  })

  it('should load a long roster page by page and render only the rows in view', async () => {
    const many = Array.from({ length: 250 }, (_, i) => createRosterRow(`u${i}`, `书记${i}`))
    mockedGetRoster.mockImplementation(async (_id, pageNo) => page(many.slice((pageNo - 1) * 100, pageNo * 100), 250, pageNo))
    render(<Roster eventId='evt-1' />)
    expect(await screen.findByText('书记0')).toBeTruthy()
    await waitFor(() => expect(screen.getByText('全部 250')).toBeTruthy())
    expect(mockedGetRoster.mock.calls.map((c) => c[1])).toEqual([1, 2, 3])
    // A virtual list: a window's worth of rows in the DOM, not 250.
    expect(screen.queryByText('书记249')).toBeNull()
    expect(screen.getAllByText(/^书记\d+$/).length).toBeLessThan(20)
  })

  it('should keep the rows it has and offer 继续加载 when a later page fails', async () => {
    const many = Array.from({ length: 150 }, (_, i) => createRosterRow(`u${i}`, `书记${i}`))
    mockedGetRoster
      .mockResolvedValueOnce(page(many.slice(0, 100), 150))
      .mockRejectedValueOnce(new ApiError({ kind: 'network' }))
      .mockResolvedValueOnce(page(many.slice(100), 150, 2))
    render(<Roster eventId='evt-1' />)
    expect(await screen.findByText(/已加载 100\/150 人/)).toBeTruthy()
    fireEvent.click(screen.getByText('继续加载'))
    await waitFor(() => expect(screen.getByText('全部 150')).toBeTruthy())
  })

  it('should set attendance with a note, update the row from the answer and show the audit trail', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    const audit = { by: 'u-o1', byName: '王主任', at: '2099-03-21T01:40:00Z', from: 'pending' as const, to: 'leave' as const, note: '电话确认因病请假' }
    mockedOverride.mockResolvedValue({ ...ROWS[1], attendance: 'leave', audit: [audit] })
    render(<Roster eventId='evt-1' />)
    fireEvent.click(await screen.findByText('李四'))
    const sheet = screen.getByRole('dialog', { name: '李四的出勤' })
    expect(within(sheet).getByText('还没有人工修改过。')).toBeTruthy()
    fireEvent.click(within(sheet).getByText('保存'))
    expect(within(sheet).getByText('请选择出席、迟到、请假或缺勤。')).toBeTruthy()
    fireEvent.click(within(sheet).getByRole('radio', { name: '请假' }))
    const note = await waitFor(() => {
      return within(sheet).getByLabelText('备注', { selector: 'textarea' })
    })
    fireEvent.input(note, { target: { value: '电话确认因病请假' } })
    fireEvent.click(within(sheet).getByText('保存'))

    await waitFor(() => expect(mockedOverride).toHaveBeenCalledWith('evt-1', 'u2', 'leave', '电话确认因病请假', expect.any(String)))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByText('3月21日 周六 09:40 王主任：待签到 → 请假（电话确认因病请假）')).toBeTruthy()
    expect(screen.getByText('请假 1')).toBeTruthy()

    fireEvent.click(screen.getByText('李四'))
    const again = screen.getByRole('dialog', { name: '李四的出勤' })
    expect(within(again).getByText('3月21日 周六 09:40 王主任：待签到 → 请假')).toBeTruthy()
    expect(within(again).getByText('备注：电话确认因病请假')).toBeTruthy()
  })

  it('should show the override error in the sheet and keep it open', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    mockedOverride.mockRejectedValue(new ApiError({ kind: 'network' }))
    render(<Roster eventId='evt-1' />)
    fireEvent.click(await screen.findByText('张三'))
    fireEvent.click(screen.getByRole('radio', { name: '迟到' }))
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('should say in the sheet that a seat given up on leave went to the waitlist', async () => {
    mockedGetRoster.mockResolvedValue(page([createRosterRow('u5', '孙七', { attendance: 'leave', leaveReason: '村里开会' })]))
    mockedOverride.mockRejectedValue(new ApiError({ kind: 'http', status: 409, code: 'CAPACITY_BELOW_REGISTERED' }))
    render(<Roster eventId='evt-1' />)
    fireEvent.click(await screen.findByText('孙七'))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('radio', { name: '出席' }))
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText(/座位已给了候补的人。请先在“编辑活动”里增加名额/)).toBeTruthy()
    expect(screen.queryByText('名额不能少于已报名人数。')).toBeNull()
  })

  it('should mark 出席 in one tap at once, send one PUT with a key and then show the server\'s row', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    const answer = deferred<RosterRow>()
    mockedOverride.mockReturnValue(answer.promise)
    render(<Roster eventId='evt-1' />)
    await screen.findByText('李四')
    expect(screen.getByText('出席 1')).toBeTruthy()
    expect(screen.getByText('待签到 3')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '标为出席：李四' }))
    // In the render of the tap itself: the row and the chip counts show it before any request or answer.
    expect(attendanceOf('李四')).toBe('出席')
    expect(screen.getByText('出席 2')).toBeTruthy()
    expect(screen.getByText('待签到 2')).toBeTruthy()
    // The PUT follows once that frame is painted.
    await waitFor(() => expect(mockedOverride).toHaveBeenCalledTimes(1))
    expect(mockedOverride).toHaveBeenCalledWith('evt-1', 'u2', 'present', '', expect.stringMatching(UUID))
    const quick = screen.getByRole('button', { name: '标为缺勤：李四' })
    expect(quick.getAttribute('aria-busy')).toBe('true')
    expect(screen.queryByRole('dialog')).toBeNull()

    const audit = { by: 'u-o1', byName: '王主任', at: '2099-03-21T01:40:00Z', from: 'pending' as const, to: 'present' as const }
    answer.resolve({ ...ROWS[1], attendance: 'present', audit: [audit] })
    expect(await screen.findByText('3月21日 周六 09:40 王主任：待签到 → 出席')).toBeTruthy()
    expect(attendanceOf('李四')).toBe('出席')
    expect(screen.getByRole('button', { name: '标为缺勤：李四' }).getAttribute('aria-busy')).toBe('false')
    expect(mockedOverride).toHaveBeenCalledTimes(1)
  })

  it('should mark a 出席 row 缺勤 with its quick button', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    mockedOverride.mockResolvedValue({ ...ROWS[0], attendance: 'absent' })
    render(<Roster eventId='evt-1' />)
    await screen.findByText('张三')
    const quick = screen.getByRole('button', { name: '标为缺勤：张三' })
    expect(quick.textContent).toContain('缺勤')
    fireEvent.click(quick)
    expect(attendanceOf('张三')).toBe('缺勤')
    expect(screen.getByText('出席 0')).toBeTruthy()
    expect(screen.getByText('缺勤 1')).toBeTruthy()
    await waitFor(() => expect(mockedOverride).toHaveBeenCalledWith('evt-1', 'u1', 'absent', '', expect.stringMatching(UUID)))
    await waitFor(() => expect(screen.getByRole('button', { name: '标为出席：张三' }).getAttribute('aria-busy')).toBe('false'))
    expect(attendanceOf('张三')).toBe('缺勤')
  })

  it('should send one request for a double tap while the first is on the way', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    const answer = deferred<RosterRow>()
    mockedOverride.mockReturnValue(answer.promise)
    render(<Roster eventId='evt-1' />)
    await screen.findByText('李四')
    fireEvent.click(screen.getByRole('button', { name: '标为出席：李四' }))
    // The second tap lands on the same button, which now reads 缺勤: ignored, not a toggle back,
    // both before the PUT has gone out and while it waits for its answer.
    const again = screen.getByRole('button', { name: '标为缺勤：李四' })
    fireEvent.click(again)
    await waitFor(() => expect(mockedOverride).toHaveBeenCalledTimes(1))
    fireEvent.click(again)
    fireEvent.keyDown(again, { key: 'Enter' })
    expect(attendanceOf('李四')).toBe('出席')

    answer.resolve({ ...ROWS[1], attendance: 'present' })
    await waitFor(() => expect(screen.getByRole('button', { name: '标为缺勤：李四' }).getAttribute('aria-busy')).toBe('false'))
    expect(mockedOverride).toHaveBeenCalledTimes(1)
    expect(attendanceOf('李四')).toBe('出席')
  })

  it('should put the row back on failure, say why, and 重试 with the same key', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    mockedOverride.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce({ ...ROWS[1], attendance: 'present' })
    render(<Roster eventId='evt-1' />)
    await screen.findByText('李四')
    fireEvent.click(screen.getByRole('button', { name: '标为出席：李四' }))
    expect(attendanceOf('李四')).toBe('出席')

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/^李四的出勤没有改成出席：网络连接失败/)
    expect(attendanceOf('李四')).toBe('待签到')
    expect(screen.getByText('出席 1')).toBeTruthy()
    expect(screen.getByRole('button', { name: '标为出席：李四' }).getAttribute('aria-busy')).toBe('false')

    fireEvent.click(within(alert).getByText('重试'))
    expect(attendanceOf('李四')).toBe('出席')
    expect(screen.queryByRole('alert')).toBeNull()
    await waitFor(() => expect(screen.getByRole('button', { name: '标为缺勤：李四' }).getAttribute('aria-busy')).toBe('false'))
    expect(mockedOverride).toHaveBeenCalledTimes(2)
    const [first, second] = mockedOverride.mock.calls
    expect(second).toEqual(first)
    expect(second[4]).toMatch(UUID)
    expect(attendanceOf('李四')).toBe('出席')
    expect(screen.getByText('出席 2')).toBeTruthy()
  })

  it('should keep the key when the row\'s own button repeats a failed change, and take a new one for the next change', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    mockedOverride
      .mockRejectedValueOnce(new ApiError({ kind: 'timeout' }))
      .mockResolvedValueOnce({ ...ROWS[1], attendance: 'present' })
      .mockResolvedValueOnce({ ...ROWS[1], attendance: 'absent' })
    render(<Roster eventId='evt-1' />)
    await screen.findByText('李四')
    fireEvent.click(screen.getByRole('button', { name: '标为出席：李四' }))
    await screen.findByRole('alert')
    fireEvent.click(screen.getByRole('button', { name: '标为出席：李四' }))
    await waitFor(() => expect(screen.getByRole('button', { name: '标为缺勤：李四' }).getAttribute('aria-busy')).toBe('false'))
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '标为缺勤：李四' }))
    await waitFor(() => expect(mockedOverride).toHaveBeenCalledTimes(3))
    const keys = mockedOverride.mock.calls.map((c) => c[4])
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
    expect(mockedOverride.mock.calls[2].slice(0, 4)).toEqual(['evt-1', 'u2', 'absent', ''])
  })

  it('should dismiss a failure with 知道了 and leave the row as it was', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    mockedOverride.mockRejectedValueOnce(new ApiError({ kind: 'http', status: 409, code: 'CAPACITY_BELOW_REGISTERED' }))
    render(<Roster eventId='evt-1' />)
    await screen.findByText('李四')
    fireEvent.click(screen.getByRole('button', { name: '标为出席：李四' }))
    const alert = await screen.findByRole('alert')
    // On the roster this code means the seat given up on leave went to the waitlist, not the event form's rule.
    expect(alert.textContent).toContain('李四的出勤没有改成出席：活动已满：这个人请假后，座位已给了候补的人。')
    fireEvent.click(within(alert).getByText('知道了'))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(attendanceOf('李四')).toBe('待签到')
    expect(mockedOverride).toHaveBeenCalledTimes(1)
  })

  it('should give the quick button only to registered people, beside the row\'s own button, never inside it', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    render(<Roster eventId='evt-1' />)
    await screen.findByText('张三')
    expect(screen.getByRole('button', { name: '标为缺勤：张三' })).toBeTruthy()
    expect(screen.getByRole('button', { name: '标为出席：李四' })).toBeTruthy()
    // 候补 and 已取消 have no attendance: the server refuses it, so there is nothing to tap.
    expect(within(rowOf('王五')).queryAllByRole('button')).toHaveLength(1)
    expect(within(rowOf('赵六')).queryAllByRole('button')).toHaveLength(1)
    expect(screen.queryAllByRole('button', { name: /^标为.*：(王五|赵六)$/ })).toEqual([])
    const buttons = screen.getAllByRole('button')
    for (const button of buttons) {
      expect(buttons.filter((other) => other !== button && button.contains(other))).toEqual([])
    }
    // The main part still opens the sheet.
    fireEvent.click(screen.getByText('赵六'))
    expect(screen.getByRole('dialog', { name: '赵六的出勤' })).toBeTruthy()
  })

  it('should offer no quick button on a cancelled event', async () => {
    mockedGetEvent.mockResolvedValue({ ...EVENT, status: 'cancelled' })
    mockedGetRoster.mockResolvedValue(page(ROWS))
    render(<Roster eventId='evt-1' />)
    await screen.findByText('张三')
    expect(screen.queryAllByRole('button', { name: /^标为/ })).toEqual([])
  })

  it('should export the CSV and say so, or say why not', async () => {
    mockedGetRoster.mockResolvedValue(page(ROWS))
    mockedExport.mockResolvedValueOnce(undefined).mockRejectedValueOnce(new ApiError({ kind: 'http', status: 403, code: 'FORBIDDEN' }))
    render(<Roster eventId='evt-1' />)
    fireEvent.click(await screen.findByText('导出'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '名单已导出' })))
    expect(mockedExport).toHaveBeenCalledWith('evt-1', expect.stringMatching(/名单\.csv$/))
    fireEvent.click(screen.getByText('导出'))
    expect(await screen.findByText(/导出失败：您的账号没有这项操作的权限/)).toBeTruthy()
  })

  it('should show an empty state before anyone signs up, and the error with 重试', async () => {
    mockedGetRoster.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(page([]))
    render(<Roster eventId='evt-1' />)
    expect(await screen.findByText('加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('还没有人报名')).toBeTruthy()
  })
})
