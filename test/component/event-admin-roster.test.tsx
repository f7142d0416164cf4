import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { RosterRow } from '@/api/contract/event'
import { exportRoster } from '@/features/event-admin/api/export-roster'
import { getEvent } from '@/features/event-admin/api/get-event'
import { getRoster } from '@/features/event-admin/api/get-roster'
import { overrideAttendance } from '@/features/event-admin/api/override-attendance'
import { Roster } from '@/features/event-admin/components/roster'
import { createEvent } from '../support/events'

jest.mock('@/features/event-admin/api/get-event')
jest.mock('@/features/event-admin/api/get-roster')
jest.mock('@/features/event-admin/api/override-attendance')
jest.mock('@/features/event-admin/api/export-roster')
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
