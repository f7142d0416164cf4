// China-time calendar fields and ranges (UTC+8, no daylight saving; the phone's own time zone never counts).
// Part of ../time.ts, which every caller imports; kept apart so that a package takes only the part it calls.

/** China Standard Time offset (UTC+8, no daylight saving) in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

const DAY_MS = 24 * 60 * 60 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

/** Start of the China-time day that contains the instant, as epoch ms. */
export function chinaDayStart(epochMs: number): number {
  return Math.floor((epochMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS
}

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

/** Year, month (1–12) and day of an instant in China time (read directly: 首页's first load needs no more). */
export function chinaDay(epochMs: number): { y: number; m: number; d: number } {
  const d = new Date(epochMs + CHINA_OFFSET_MS)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }
}

/** The China-time calendar year of an instant. */
export function chinaYear(epochMs: number): number {
  return chinaDay(epochMs).y
}

/** The China-time quarter (1–4) of an instant. */
export function chinaQuarter(epochMs: number): number {
  return Math.floor((chinaDay(epochMs).m - 1) / 3) + 1
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
