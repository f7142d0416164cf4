/** China Standard Time offset (UTC+8, no daylight saving) in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

// The mock formats the same few hundred instants (event times, sign-up times) for every list it answers: under
// load, formatting was a fifth of its CPU time. Remembered up to a bound, then forgotten all at once.
const ISO_REMEMBERED = 4096
const isoOf = new Map<number, string>()

/** Formats an instant as ISO 8601 in China time, the form every answer uses: `2027-03-21T09:00:00+08:00`. */
export function toChinaIso(epochMs: number): string {
  let iso = isoOf.get(epochMs)
  if (iso === undefined) {
    iso = new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19) + '+08:00'
    if (isoOf.size >= ISO_REMEMBERED) isoOf.clear()
    isoOf.set(epochMs, iso)
  }
  return iso
}

/** Start of the China-time day that contains the instant, as epoch ms. */
export function chinaDayStart(epochMs: number): number {
  const day = 24 * 60 * 60 * 1000
  return Math.floor((epochMs + CHINA_OFFSET_MS) / day) * day - CHINA_OFFSET_MS
}

// China-time calendar helpers, one set for the mock and the app (the phone's own time zone never counts).

const DAY_MS = 24 * 60 * 60 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

/** The China-time calendar fields of an instant (month 1–12). */
export function chinaCalendar(epochMs: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const d = new Date(epochMs + CHINA_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  }
}

/** Year, month (1–12) and day of an instant in China time. */
export function chinaDay(epochMs: number): { y: number; m: number; d: number } {
  const c = chinaCalendar(epochMs)
  return { y: c.year, m: c.month, d: c.day }
}

/** `YYYY-MM-DD` of an instant (epoch ms or ISO) in China time. */
export function chinaDate(value: string | number): string {
  return toChinaIso(typeof value === 'number' ? value : Date.parse(value)).slice(0, 10)
}

/** The China-time calendar year of an instant. */
export function chinaYear(epochMs: number): number {
  return chinaCalendar(epochMs).year
}

/** The China-time quarter (1–4) of an instant. */
export function chinaQuarter(epochMs: number): number {
  return Math.floor((chinaCalendar(epochMs).month - 1) / 3) + 1
}

/** First instant of a China-time year and of the next one: `[start, end)`. */
export function chinaYearRange(year: number): [number, number] {
  return [Date.UTC(year, 0, 1) - CHINA_OFFSET_MS, Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS]
}

/** First instant of a China-time month (1–12) and of the next one: `[start, end)`. */
export function chinaMonthRange(year: number, month: number): [number, number] {
  return [Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS, Date.UTC(year, month, 1) - CHINA_OFFSET_MS]
}

/** Whether a quarter of a year has begun by `now` (China time): every quarter of a past year, none of a future one. */
export function quarterStarted(year: number, quarter: number, now: number): boolean {
  const current = chinaYear(now)
  return year < current || (year === current && quarter <= chinaQuarter(now))
}

/** Whether a China-time year is over by `now`. */
export function yearOver(year: number, now: number): boolean {
  return now >= chinaYearRange(year)[1]
}

/** `2026-12-01 09:30:00` in China time, for spreadsheets. */
export function chinaDateTime(epochMs: number): string {
  const c = chinaCalendar(epochMs)
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`
}

/** `12月1日 09:30` in China time, for messages. */
export function chinaMonthDayTime(epochMs: number): string {
  const c = chinaCalendar(epochMs)
  return `${c.month}月${c.day}日 ${pad(c.hour)}:${pad(c.minute)}`
}

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
