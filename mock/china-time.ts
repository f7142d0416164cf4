import { CHINA_OFFSET_MS } from '../src/api/contract/time'

// Formatting of instants for people (CSV cells, notification texts), always in China time.

const pad = (n: number) => String(n).padStart(2, '0')
const chinaParts = (epochMs: number) => {
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

/** `2026-12-01 09:30:00` in China time, for spreadsheets. */
export function chinaDateTime(epochMs: number): string {
  const p = chinaParts(epochMs)
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
}

/** `12月1日 09:30` in China time, for messages. */
export function chinaMonthDayTime(epochMs: number): string {
  const p = chinaParts(epochMs)
  return `${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`
}

/** The China-time calendar year of an instant. */
export function chinaYear(epochMs: number): number {
  return chinaParts(epochMs).year
}

/** First instant of a China-time year and of the next one: `[start, end)`. */
export function chinaYearRange(year: number): [number, number] {
  return [Date.UTC(year, 0, 1) - CHINA_OFFSET_MS, Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS]
}

/** The China-time quarter (1–4) of an instant. */
export function chinaQuarter(epochMs: number): number {
  return Math.floor((chinaParts(epochMs).month - 1) / 3) + 1
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
