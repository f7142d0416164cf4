import type { ApiError } from '@/api/api-error'
import type { Attendance, AuditEntry, RegistrationStatus, RosterRow } from '@/api/contract/event'
import { formatDateTime, inChina } from '@/shared/lib/dates'

/** Attendance as the roster says it. */
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  pending: '待签到',
  present: '出席',
  late: '迟到',
  leave: '请假',
  absent: '缺勤',
}

/** Tag colour of each attendance. */
export const ATTENDANCE_TONES = { pending: 'grey', present: 'green', late: 'orange', leave: 'blue', absent: 'red' } as const

/** Registration status as the roster says it. */
export const STATUS_LABELS: Record<RegistrationStatus, string> = { registered: '已报名', waitlisted: '候补', cancelled: '已取消' }

/** Which rows the status chips keep. */
export type StatusFilter = 'all' | RegistrationStatus
/** Which rows the attendance chips keep. */
export type AttendanceFilter = 'all' | Attendance

/** The status tag of a row: 已报名, 候补第 N 位, 已取消. */
export function statusLabel(row: Pick<RosterRow, 'status' | 'waitlistPosition'>): string {
  if (row.status === 'waitlisted' && row.waitlistPosition) return `候补第 ${row.waitlistPosition} 位`
  return STATUS_LABELS[row.status]
}

/** The rows the chips keep, in roster order. */
export function filterRoster(rows: RosterRow[], status: StatusFilter, attendance: AttendanceFilter): RosterRow[] {
  if (status === 'all' && attendance === 'all') return rows
  return rows.filter((r) => (status === 'all' || r.status === status) && (attendance === 'all' || r.attendance === attendance))
}

/** How many rows have each status and each attendance, for the chip labels. */
export function rosterCounts(rows: RosterRow[]) {
  const status: Record<StatusFilter, number> = { all: rows.length, registered: 0, waitlisted: 0, cancelled: 0 }
  const attendance: Record<AttendanceFilter, number> = { all: rows.length, pending: 0, present: 0, late: 0, leave: 0, absent: 0 }
  for (const row of rows) {
    status[row.status] += 1
    attendance[row.attendance] += 1
  }
  return { status, attendance }
}

/** The roster with one person's row replaced by the server's answer. */
export function replaceRow(rows: RosterRow[], row: RosterRow): RosterRow[] {
  const index = rows.findIndex((r) => r.user.id === row.user.id)
  if (index < 0) return rows
  const next = rows.slice()
  next[index] = row
  return next
}

/** What one tap on a row's quick button sets: 出席, or 缺勤 on a row already 出席. */
export type QuickAttendance = 'present' | 'absent'

/**
 * The quick action of a row, or null when it has none: only registered people have attendance (the
 * server refuses it for 候补 and 已取消), so only their rows carry the button.
 */
export function quickAttendance(row: Pick<RosterRow, 'status' | 'attendance'>): QuickAttendance | null {
  if (row.status !== 'registered') return null
  return row.attendance === 'present' ? 'absent' : 'present'
}

/** The quick button's name for a screen reader: `标为出席：张三`. */
export function quickLabel(name: string, to: QuickAttendance): string {
  return `标为${ATTENDANCE_LABELS[to]}：${name}`
}

/**
 * The row as shown while its change is on the way: the new attendance (and no 请假 reason once it is no
 * longer 请假, as the server does); the audit entry comes with the server's answer.
 */
export function optimisticRow(row: RosterRow, attendance: Attendance): RosterRow {
  if (attendance === 'leave' || row.leaveReason === undefined) return { ...row, attendance }
  const { leaveReason: _dropped, ...rest } = row
  return { ...rest, attendance }
}

/**
 * The roster with a failed optimistic row put back to what it was, unless that row was replaced in the
 * meantime (a reload, or the sheet's answer): then the newer row stays.
 */
export function revertRow(rows: RosterRow[], optimistic: RosterRow, previous: RosterRow): RosterRow[] {
  const index = rows.indexOf(optimistic)
  if (index < 0) return rows
  const next = rows.slice()
  next[index] = previous
  return next
}

/**
 * Why the server refused an attendance change, in the roster's words. CAPACITY_BELOW_REGISTERED here means
 * something other than on the event form: the person was on leave, and their seat went to the waitlist.
 */
export function attendanceErrorMessage(error: ApiError): string {
  if (error.code === 'CAPACITY_BELOW_REGISTERED') return '活动已满：这个人请假后，座位已给了候补的人。请先在“编辑活动”里增加名额，再改出勤。'
  return error.message
}

/**
 * Why a quick change did not happen, for the banner above the list: `张三的出勤没有改成出席：…`. Without a
 * connection the client's general words speak of a form ("已填写的内容不会丢失"); a toggle has nothing typed.
 */
export function quickFailureText(name: string, to: QuickAttendance, error: ApiError): string {
  const reason = error.kind === 'network' ? '网络连接失败，请到信号好的地方点“重试”。' : attendanceErrorMessage(error)
  return `${name}的出勤没有改成${ATTENDANCE_LABELS[to]}：${reason}`
}

/** The check-in time of a row: `09:12`, with the date when it is not the event day. */
export function checkinTimeLabel(checkedInAt: string | undefined, eventStart?: string): string {
  if (!checkedInAt) return '未签到'
  const at = inChina(checkedInAt)
  if (eventStart && at.format('YYYY-MM-DD') === inChina(eventStart).format('YYYY-MM-DD')) return `签到 ${at.format('HH:mm')}`
  return `签到 ${formatDateTime(checkedInAt)}`
}

/** One audit entry in words: `3月21日 周日 09:40 王主任：待签到 → 出席`. */
export function auditLine(entry: AuditEntry): string {
  const who = entry.byName ?? entry.by
  return `${formatDateTime(entry.at)} ${who}：${ATTENDANCE_LABELS[entry.from]} → ${ATTENDANCE_LABELS[entry.to]}`
}
