import { toChinaIso } from './iso'

// The date and time pickers of the event form (organisers' sub-package) read and write China time.
// Part of ../time.ts, kept apart so that the main package does not carry it.

const DAY_MS = 24 * 60 * 60 * 1000
const PICKER_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const PICKER_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * A picker date (`YYYY-MM-DD`) and time (`HH:mm`) read as China time (UTC+8), as the ISO string the
 * API takes: `2027-03-21T09:00:00+08:00`. Null when either is missing or not a real date or time.
 */
export function chinaIso(date: string, time: string): string | null {
  if (!PICKER_DATE.test(date) || !PICKER_TIME.test(time)) return null
  const iso = `${date}T${time}:00+08:00`
  const ms = Date.parse(iso)
  // 2027-02-30 parses in some engines as 3 March: accept only dates that survive the round trip.
  if (Number.isNaN(ms) || toChinaIso(ms).slice(0, 10) !== date) return null
  return iso
}

/** The picker date and time of an instant, in China time whatever the phone's time zone. */
export function chinaParts(value: string | number): { date: string; time: string } {
  const iso = toChinaIso(typeof value === 'number' ? value : Date.parse(value))
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

/** The China-time date `days` after the one that contains `now` (negative for before). */
export function chinaDateAfter(now: number, days: number): string {
  return chinaParts(now + days * DAY_MS).date
}
