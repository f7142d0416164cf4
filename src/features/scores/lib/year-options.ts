import { inChina } from '@/shared/lib/dates'

/** This year and last year in China time, newest first, as chip options. */
export function recentYears(now: number = Date.now()): { value: string; label: string }[] {
  const year = inChina(now).year()
  return [year, year - 1].map((y) => ({ value: String(y), label: `${y} 年` }))
}

/** The quarter (1–4) in China time. */
export function currentQuarter(now: number = Date.now()): number {
  return Math.floor(inChina(now).month() / 3) + 1
}

/** A score as shown: one decimal at most. */
export function formatScore(value: number): string {
  return String(Math.round(value * 10) / 10)
}
