import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import type { AttendanceRecord as RecordItem, MyAttendance } from '@/api/contract/attendance'
import type { Attendance } from '@/api/contract/event'
import { getMyAttendance } from '@/api/attendance'
import { AttendanceRecord } from '@/features/attendance/components/attendance-record'
import { inChina } from '@/shared/lib/dates'
import { createEvent } from '../support/events'
import { firePageEvent } from '../setup/taro-shim'

jest.mock('@/api/attendance')
const mockedGetMyAttendance = jest.mocked(getMyAttendance)

const thisYear = inChina(Date.now()).year()

/** One record of the 出勤记录: an event of this year with the given attendance. */
function createRecord(no: number, attendance: Attendance, credits = 2): RecordItem {
  const start = Date.UTC(thisYear, 0, 10 + no, 1, 0)
  return {
    event: createEvent({
      id: `evt-${no}`,
      title: `强村讲堂第 ${no} 讲`,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 3 * 3600_000).toISOString(),
      signupDeadline: new Date(start - 86400_000).toISOString(),
      credits,
    }),
    attendance,
    credits: attendance === 'present' || attendance === 'late' ? credits : 0,
    ...(attendance === 'present' || attendance === 'late' ? { checkedInAt: new Date(start + 5 * 60_000).toISOString() } : {}),
  }
}

/** 2 出席 + 1 迟到 + 1 缺勤 + 1 请假: 出勤率 3 / 4 = 75%, 6 学时. */
function createAttendance(): MyAttendance {
  return {
    summary: { registered: 5, present: 2, late: 1, leave: 1, absent: 1, rate: 0.75, credits: 6 },
    records: [createRecord(1, 'present'), createRecord(2, 'present'), createRecord(3, 'late'), createRecord(4, 'absent'), createRecord(5, 'leave')],
  }
}

beforeEach(() => {
  mockedGetMyAttendance.mockReset()
})

describe('AttendanceRecord', () => {
  it('should show a loading state, then 出勤率 75% for 2 present + 1 late + 1 absent, the 学时 and each count', async () => {
    mockedGetMyAttendance.mockResolvedValue(createAttendance())
    render(<AttendanceRecord />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('75%')).toBeTruthy()
    expect(screen.getByText('出勤率')).toBeTruthy()
    expect(screen.getByText('6')).toBeTruthy()
    expect(screen.getByLabelText('出席 2 次')).toBeTruthy()
    expect(screen.getByLabelText('迟到 1 次')).toBeTruthy()
    expect(screen.getByLabelText('请假 1 次')).toBeTruthy()
    expect(screen.getByLabelText('缺勤 1 次')).toBeTruthy()
    expect(mockedGetMyAttendance).toHaveBeenCalledWith(thisYear)
  })

  it('should list each event with its type, status tag and 学时 counted for present and late only', async () => {
    mockedGetMyAttendance.mockResolvedValue(createAttendance())
    render(<AttendanceRecord />)
    const late = await screen.findByRole('link', { name: /强村讲堂第 3 讲/ })
    expect(late.textContent).toContain('强村讲堂')
    expect(late.textContent).toContain('迟到')
    expect(late.textContent).toContain('2 学时')
    const absent = screen.getByRole('link', { name: /强村讲堂第 4 讲/ })
    expect(absent.textContent).toContain('缺勤')
    expect(absent.textContent).toContain('不计学时')
    expect(screen.getByRole('link', { name: /强村讲堂第 5 讲/ }).textContent).toContain('请假')
    expect(screen.getByRole('link', { name: /强村讲堂第 1 讲/ }).textContent).toContain('出席')
    expect(document.querySelector('.zs-tag--orange')?.textContent).toBe('迟到')
    expect(document.querySelector('.zs-tag--blue')?.textContent).toBe('请假')
  })

  it('should open an event when its row is tapped', async () => {
    const onOpenEvent = jest.fn()
    mockedGetMyAttendance.mockResolvedValue(createAttendance())
    render(<AttendanceRecord onOpenEvent={onOpenEvent} />)
    fireEvent.click(await screen.findByRole('link', { name: /强村讲堂第 2 讲/ }))
    expect(onOpenEvent).toHaveBeenCalledWith('evt-2')
  })

  it('should show — as the rate when nothing counts yet, and 待签到 for an event still to come', async () => {
    mockedGetMyAttendance.mockResolvedValue({
      summary: { registered: 1, present: 0, late: 0, leave: 0, absent: 0, rate: null, credits: 0 },
      records: [createRecord(1, 'pending', 1.5)],
    })
    render(<AttendanceRecord />)
    expect(await screen.findByText('—')).toBeTruthy()
    const row = screen.getByRole('link', { name: /强村讲堂第 1 讲/ })
    expect(row.textContent).toContain('待签到')
    expect(row.textContent).toContain('签到后计 1.5 学时')
  })

  it('should say 今年还没有出勤记录 when the year is empty', async () => {
    mockedGetMyAttendance.mockResolvedValue({
      summary: { registered: 0, present: 0, late: 0, leave: 0, absent: 0, rate: null, credits: 0 },
      records: [],
    })
    render(<AttendanceRecord />)
    expect(await screen.findByText('今年还没有出勤记录')).toBeTruthy()
  })

  it('should load another year when its chip is tapped', async () => {
    mockedGetMyAttendance.mockResolvedValue(createAttendance())
    render(<AttendanceRecord />)
    await screen.findByText('75%')
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([0, 1, 2, 3, 4].map((i) => `${thisYear - i}年`))
    fireEvent.click(screen.getByText(`${thisYear - 1}年`))
    await waitFor(() => expect(mockedGetMyAttendance).toHaveBeenLastCalledWith(thisYear - 1))
  })

  it('should show the error with 重试, and load again when it is tapped', async () => {
    mockedGetMyAttendance.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(createAttendance())
    render(<AttendanceRecord />)
    expect(await screen.findByText('加载失败')).toBeTruthy()
    expect(screen.getByText(/网络连接失败/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('75%')).toBeTruthy()
  })

  it('should reload on pull-down and keep the record shown when that reload fails', async () => {
    mockedGetMyAttendance.mockResolvedValueOnce(createAttendance()).mockRejectedValueOnce(new ApiError({ kind: 'timeout' }))
    render(<AttendanceRecord />)
    await screen.findByText('75%')
    await act(async () => firePageEvent('pullDownRefresh'))
    expect(await screen.findByText(/网络太慢，没有刷新成功：显示的是上次加载的内容/)).toBeTruthy()
    expect(screen.getByText('75%')).toBeTruthy()
    expect(mockedGetMyAttendance).toHaveBeenCalledTimes(2)
  })

  it('should render only the rows in view of a long record', async () => {
    const records = Array.from({ length: 300 }, (_, i) => createRecord(i % 300, 'present'))
    mockedGetMyAttendance.mockResolvedValue({
      summary: { registered: 300, present: 300, late: 0, leave: 0, absent: 0, rate: 1, credits: 600 },
      records,
    })
    render(<AttendanceRecord />)
    await screen.findByText('100%')
    const rows = document.querySelectorAll('.at-row')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThan(30)
  })
})
