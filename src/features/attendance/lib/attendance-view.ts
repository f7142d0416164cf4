import type { AttendanceRecord } from '@/api/contract/attendance'
import type { Attendance } from '@/api/contract/event'
import { inChina } from '@/shared/lib/dates'

/** Tag colours of the app's Tag component. */
export type Tone = 'red' | 'green' | 'orange' | 'blue' | 'grey'

/** What each attendance reads as in the 出勤记录. */
export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: '出席',
  late: '迟到',
  leave: '请假',
  absent: '缺勤',
  pending: '待签到',
}

/** The colour of each attendance tag: 出席 green, 迟到 orange, 请假 blue, 缺勤 red, 待签到 grey. */
export const ATTENDANCE_TONES: Record<Attendance, Tone> = {
  present: 'green',
  late: 'orange',
  leave: 'blue',
  absent: 'red',
  pending: 'grey',
}

/** 出勤率 as a percentage with at most one decimal (`75%`, `66.7%`), or `—` when nothing counts yet. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—'
  return `${Number((rate * 100).toFixed(1))}%`
}

/** 学时 without trailing zeros: `2`, `1.5`. */
export function formatCredits(credits: number): string {
  return String(Number(credits.toFixed(1)))
}

/** The 学时 a record earns: counted for 出席 and 迟到 only. */
export function creditsLabel(record: Pick<AttendanceRecord, 'attendance' | 'credits' | 'event'>): string {
  if (record.attendance === 'present' || record.attendance === 'late') return `${formatCredits(record.credits)} 学时`
  if (record.attendance === 'pending') return `签到后计 ${formatCredits(record.event.credits)} 学时`
  return '不计学时'
}

/** This year (China time) and the `count - 1` before it, newest first: the years the record offers. */
export function recentYears(now: number, count = 5): number[] {
  const year = inChina(now).year()
  return Array.from({ length: count }, (_, i) => year - i)
}

/** Newest event first. */
export function sortRecords(records: AttendanceRecord[]): AttendanceRecord[] {
  return [...records].sort((a, b) => Date.parse(b.event.startAt) - Date.parse(a.event.startAt))
}
