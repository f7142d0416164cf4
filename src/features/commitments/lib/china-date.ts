import { inChina } from '@/shared/lib/dates'

/** The year in China time (a sheet belongs to the year it is written in). */
export function chinaYear(now: number = Date.now()): number {
  return inChina(now).year()
}

/** The quarter (1–4) in China time. */
export function chinaQuarter(now: number = Date.now()): number {
  return Math.floor(inChina(now).month() / 3) + 1
}

/** Whether a quarter of a year has not started yet (it cannot be reported). */
export function isFutureQuarter(year: number, quarter: number, now: number = Date.now()): boolean {
  const thisYear = chinaYear(now)
  return year > thisYear || (year === thisYear && quarter > chinaQuarter(now))
}

/** The percent a metric value makes of its target, clamped to 0–100 and rounded to one decimal. */
export function percentOfTarget(value: number, targetValue: number): number {
  if (!(targetValue > 0) || !Number.isFinite(value)) return 0
  return Math.round(Math.min(100, Math.max(0, (value / targetValue) * 100)) * 10) / 10
}
