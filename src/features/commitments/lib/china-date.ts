import { quarterStarted } from '@/api/contract/time'

/** Whether a quarter of a year has not started yet in China time (it cannot be reported). */
export function isFutureQuarter(year: number, quarter: number, now: number = Date.now()): boolean {
  return !quarterStarted(year, quarter, now)
}

/** The percent a metric value makes of its target, clamped to 0–100 and rounded to one decimal. */
export function percentOfTarget(value: number, targetValue: number): number {
  if (!(targetValue > 0) || !Number.isFinite(value)) return 0
  return Math.round(Math.min(100, Math.max(0, (value / targetValue) * 100)) * 10) / 10
}
