import { ApiError } from '@/api/api-error'
import type { RosterRow } from '@/api/contract/event'
import { checkinPayload, qrRuns, secondsUntil } from '@/features/event-admin/lib/checkin-code'
import { csvFileName, downloadError } from '@/api/csv-download'
import {
  auditLine,
  checkinTimeLabel,
  filterRoster,
  optimisticRow,
  quickAttendance,
  quickFailureText,
  quickLabel,
  replaceRow,
  revertRow,
  rosterCounts,
  statusLabel,
} from '@/features/event-admin/lib/roster'

/** A roster row of a registered secretary, with overrides. */
function createRosterRow(id: string, overrides: Partial<RosterRow> = {}): RosterRow {
  return {
    user: { id, name: `书记${id}`, role: 'secretary', town: '汉旺镇', village: '武都村', phone: '13800000001' },
    status: 'registered',
    attendance: 'pending',
    audit: [],
    ...overrides,
  }
}

describe('roster helpers', () => {
  const rows = [
    createRosterRow('a'),
    createRosterRow('b', { attendance: 'present' }),
    createRosterRow('c', { status: 'waitlisted', waitlistPosition: 2 }),
    createRosterRow('d', { status: 'cancelled' }),
  ]

  it('should keep the rows that match both filters, in order', () => {
    expect(filterRoster(rows, 'all', 'all')).toBe(rows)
    expect(filterRoster(rows, 'registered', 'all').map((r) => r.user.id)).toEqual(['a', 'b'])
    expect(filterRoster(rows, 'registered', 'present').map((r) => r.user.id)).toEqual(['b'])
    expect(filterRoster(rows, 'cancelled', 'present')).toEqual([])
  })

  it('should count each status and attendance for the chips', () => {
    const counts = rosterCounts(rows)
    expect(counts.status).toEqual({ all: 4, registered: 2, waitlisted: 1, cancelled: 1 })
    expect(counts.attendance).toEqual({ all: 4, pending: 3, present: 1, late: 0, leave: 0, absent: 0 })
  })

  it('should replace one row by user id', () => {
    const updated = replaceRow(rows, createRosterRow('b', { attendance: 'late' }))
    expect(updated[1].attendance).toBe('late')
    expect(rows[1].attendance).toBe('present')
  })

  it('should offer 出席 on a registered row not yet 出席, 缺勤 on a 出席 row, and nothing for 候补 or 已取消', () => {
    expect(quickAttendance(rows[0])).toBe('present')
    expect(quickAttendance(rows[1])).toBe('absent')
    for (const attendance of ['late', 'leave', 'absent'] as const) {
      expect(quickAttendance(createRosterRow('e', { attendance }))).toBe('present')
    }
    expect(quickAttendance(rows[2])).toBeNull()
    expect(quickAttendance(rows[3])).toBeNull()
    expect(quickAttendance(createRosterRow('f', { status: 'cancelled', attendance: 'present' }))).toBeNull()
    expect(quickLabel('张三', 'present')).toBe('标为出席：张三')
    expect(quickLabel('张三', 'absent')).toBe('标为缺勤：张三')
  })

  it('should say in the banner which change failed and why, in words that fit a toggle', () => {
    expect(quickFailureText('张三', 'present', new ApiError({ kind: 'network' }))).toBe('张三的出勤没有改成出席：网络连接失败，请到信号好的地方点“重试”。')
    expect(quickFailureText('张三', 'absent', new ApiError({ kind: 'timeout' }))).toBe('张三的出勤没有改成缺勤：网络太慢，请求超时了。请到信号好的地方后点“重试”。')
    expect(quickFailureText('李四', 'present', new ApiError({ kind: 'http', status: 409, code: 'CAPACITY_BELOW_REGISTERED' }))).toMatch(
      /^李四的出勤没有改成出席：活动已满：这个人请假后，座位已给了候补的人。/,
    )
  })

  it('should show the new attendance at once and drop a 请假 reason that no longer applies', () => {
    const audit = [{ by: 'u-o1', at: '2027-03-21T09:40:00+08:00', from: 'pending' as const, to: 'leave' as const }]
    const onLeave = createRosterRow('g', { attendance: 'leave', leaveReason: '生病', checkedInAt: '2027-03-21T01:12:00Z', audit })
    const present = optimisticRow(onLeave, 'present')
    expect(present).toEqual({ ...onLeave, attendance: 'present', leaveReason: undefined })
    expect('leaveReason' in present).toBe(false)
    expect(present.audit).toBe(onLeave.audit)
    expect(onLeave.attendance).toBe('leave')
    expect(optimisticRow(onLeave, 'leave').leaveReason).toBe('生病')
    expect(optimisticRow(rows[0], 'absent')).toEqual({ ...rows[0], attendance: 'absent' })
  })

  it('should put a failed optimistic row back, unless a newer row replaced it', () => {
    const optimistic = optimisticRow(rows[0], 'present')
    const shown = replaceRow(rows, optimistic)
    const reverted = revertRow(shown, optimistic, rows[0])
    expect(reverted).toEqual(rows)
    expect(reverted[0]).toBe(rows[0])
    expect(shown[0]).toBe(optimistic)
    // The sheet's answer (or a reload) came in between: it stays.
    const newer = replaceRow(shown, createRosterRow('a', { attendance: 'late' }))
    expect(revertRow(newer, optimistic, rows[0])).toBe(newer)
  })

  it('should say 候补第 N 位, the check-in time and who changed attendance when', () => {
    expect(statusLabel(rows[2])).toBe('候补第 2 位')
    expect(statusLabel(rows[3])).toBe('已取消')
    expect(checkinTimeLabel(undefined)).toBe('未签到')
    expect(checkinTimeLabel('2027-03-21T01:12:00Z', '2027-03-21T09:00:00+08:00')).toBe('签到 09:12')
    expect(checkinTimeLabel('2027-03-20T01:12:00Z', '2027-03-21T09:00:00+08:00')).toBe('签到 3月20日 周六 09:12')
    expect(auditLine({ by: 'u-o1', byName: '王主任', at: '2027-03-21T09:40:00+08:00', from: 'pending', to: 'present' })).toBe(
      '3月21日 周日 09:40 王主任：待签到 → 出席',
    )
  })
})

describe('check-in code helpers', () => {
  it('should count whole seconds down to the expiry and stop at 0', () => {
    const expiresAt = '2027-03-21T09:01:00+08:00'
    expect(secondsUntil(expiresAt, Date.parse('2027-03-21T09:00:00+08:00'))).toBe(60)
    expect(secondsUntil(expiresAt, Date.parse('2027-03-21T09:00:59.200+08:00'))).toBe(1)
    expect(secondsUntil(expiresAt, Date.parse('2027-03-21T09:02:00+08:00'))).toBe(0)
  })

  it('should encode the event and code in a QR code of whole rows of runs', () => {
    expect(checkinPayload('evt-1', '123456')).toBe('zst-checkin:evt-1:123456')
    const qr = qrRuns(checkinPayload('evt-1', '123456'))
    expect(qr.rows).toHaveLength(qr.size)
    for (const row of qr.rows) expect(row.reduce((n, run) => n + run.length, 0)).toBe(qr.size)
    // Finder pattern: every QR code starts with 7 dark modules.
    expect(qr.rows[0][0]).toEqual({ dark: true, length: 7 })
  })
})

describe('CSV download helpers', () => {
  it('should turn an API error body into the app\'s message, and a bare 401 into 登录已过期', () => {
    const forbidden = downloadError(403, JSON.stringify({ error: { code: 'FORBIDDEN', message: 'no' } }))
    expect(forbidden.code).toBe('FORBIDDEN')
    expect(forbidden.message).toMatch(/没有这项操作的权限/)
    expect(downloadError(401, '<html>').message).toMatch(/登录已过期/)
  })

  it('should make a safe .csv file name from the event title', () => {
    expect(csvFileName('强村讲堂：财务/规范 名单')).toBe('强村讲堂：财务_规范_名单.csv')
    expect(csvFileName('')).toBe('名单.csv')
  })
})
