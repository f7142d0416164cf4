import type { Event } from '@/api/contract/event'
import { HONOUR_TYPE_LABELS, type Honour, type HonourType } from '@/api/contract/honour'
import { chinaDate, chinaDay } from '@/api/contract/time'

const DAY_MS = 86_400_000


/** The year whose theme month (March) is current or next: this year until March ends, then the next. */
export function themeYearAt(now: number): number {
  const { y, m } = chinaDay(now)
  return m <= 3 ? y : y + 1
}

/** The year chips of the 荣誉 tab: the theme month's year and the two before it. */
export function yearChoices(now: number): number[] {
  const year = themeYearAt(now)
  return [year, year - 1, year - 2]
}

/** `2027-03-21` → `3月21日`. */
export function monthDayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number)
  return `${m}月${d}日`
}

/** `2026-03-20T10:00:00+08:00` → `2026年3月20日` (China time). */
export function fullDateLabel(value: string): string {
  const [y, m, d] = chinaDate(value).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** Whole China-time days from `now` to the date `YYYY-MM-DD` (0 on the day, negative after). */
export function daysUntil(date: string, now: number): number {
  const [y, m, d] = date.split('-').map(Number)
  const today = chinaDay(now)
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(today.y, today.m - 1, today.d)) / DAY_MS)
}

/** Where the theme month of `year` stands at `now`; the countdown runs in February and March. */
export type ThemePhase =
  | { kind: 'ahead' }
  | { kind: 'countdown'; days: number }
  | { kind: 'equinox' }
  | { kind: 'running' }
  | { kind: 'over' }

/** The phase of `year`'s theme month at `now`, given its 春分 date. */
export function themePhase(year: number, equinox: string, now: number): ThemePhase {
  const { y, m } = chinaDay(now)
  if (y > year || (y === year && m > 3)) return { kind: 'over' }
  if (y < year || m < 2) return { kind: 'ahead' }
  const days = daysUntil(equinox, now)
  if (days > 0) return { kind: 'countdown', days }
  return days === 0 ? { kind: 'equinox' } : { kind: 'running' }
}

/** The words of a phase: 距春分还有 N 天 / 今天是春分 / 主题活动月进行中 …; null when nothing to say. */
export function phaseLabel(phase: ThemePhase): string | null {
  switch (phase.kind) {
    case 'countdown':
      return `距春分还有 ${phase.days} 天`
    case 'equinox':
      return '今天是春分，集中活动今天举行'
    case 'running':
      return '主题活动月进行中'
    default:
      return null
  }
}

/** The agenda: events of the 春分 day first, then the rest of March, each by start time. */
export function sortAgenda(events: readonly Event[], equinox: string): Event[] {
  const onEquinox = (e: Event) => (chinaDate(e.startAt) === equinox ? 0 : 1)
  return [...events].sort((a, b) => onEquinox(a) - onEquinox(b) || Date.parse(a.startAt) - Date.parse(b.startAt))
}

/** Whether an event falls on the 春分 day (China time). */
export function isOnEquinox(event: Pick<Event, 'startAt'>, equinox: string): boolean {
  return chinaDate(event.startAt) === equinox
}

/** The types in the order the 荣誉墙 shows them. */
export const HONOUR_TYPES: HonourType[] = ['innovation', 'excellent', 'contest', 'retirement']

/** One group of the 荣誉墙. */
export type HonourGroup = { type: HonourType; label: string; honours: Honour[] }

/** Honours grouped by type (岗位创新奖 · 优秀书记 · 技能比武 · 荣退), empty groups left out; `only` keeps one type. */
export function groupHonours(honours: readonly Honour[], only?: HonourType): HonourGroup[] {
  return HONOUR_TYPES.filter((type) => !only || type === only)
    .map((type) => ({ type, label: HONOUR_TYPE_LABELS[type], honours: honours.filter((h) => h.type === type) }))
    .filter((group) => group.honours.length > 0)
}

/** `奖金 5000 元`, or null without an amount. */
export function amountLabel(amountYuan: number | undefined): string | null {
  return amountYuan ? `奖金 ${amountYuan} 元` : null
}
