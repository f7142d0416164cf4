// The 签到 window of API.md, one definition for the mock and the app: from 30 minutes before the start
// to the end (both included); a check-in later than start + 15 minutes counts as 迟到.

const MINUTE = 60_000
/** Check-in opens this long before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * MINUTE
/** Checked in later than start + this → late. */
export const LATE_AFTER_MS = 15 * MINUTE

/** When check-in opens for an event that starts at `startAt` (epoch ms). */
export function checkinOpensAt(startAt: number): number {
  return startAt - CHECKIN_OPENS_BEFORE_MS
}

/** Whether the check-in window of an event (epoch ms) is open at `now`. */
export function isCheckinWindowOpen(startAt: number, endAt: number, now: number): boolean {
  return now >= checkinOpensAt(startAt) && now <= endAt
}

/** 出席 or 迟到 for a check-in at `at` of an event that starts at `startAt`. */
export function checkinAttendance(startAt: number, at: number): 'present' | 'late' {
  return at > startAt + LATE_AFTER_MS ? 'late' : 'present'
}
