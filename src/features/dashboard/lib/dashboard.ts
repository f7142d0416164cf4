import type { Commitment, CommitmentItem } from '@/api/contract/commitment'
import { isCheckinWindowOpen } from '@/api/contract/checkin-window'
import type { Event } from '@/api/contract/event'
import { chinaDay, chinaQuarter } from '@/api/contract/time'

const DAY_MS = 24 * 3_600_000


/** Registered events of the secretary whose 签到 window is open now and who has not checked in. */
export function checkinOpenEvents(events: readonly Event[], now: number): Event[] {
  return events.filter((e) => {
    const mine = e.myRegistration
    return (
      e.status === 'published' &&
      mine?.status === 'registered' &&
      mine.attendance === 'pending' &&
      isCheckinWindowOpen(Date.parse(e.startAt), Date.parse(e.endAt), now)
    )
  })
}

/** The next events the secretary is registered or waitlisted for, soonest first. */
export function nextRegisteredEvents(events: readonly Event[], limit: number): Event[] {
  return events
    .filter((e) => e.status === 'published' && (e.myRegistration?.status === 'registered' || e.myRegistration?.status === 'waitlisted'))
    .sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))
    .slice(0, limit)
}

/** Items of a sheet due in the current quarter. */
export function itemsDueThisQuarter(commitment: Commitment, now: number): CommitmentItem[] {
  const quarter = chinaQuarter(now)
  return commitment.items.filter((item) => item.dueQuarter === quarter)
}

/** Published events starting today (China time). */
export function todaysEvents(events: readonly Event[], now: number): Event[] {
  const today = chinaDay(now)
  return events.filter((e) => {
    const d = chinaDay(Date.parse(e.startAt))
    return e.status === 'published' && d.y === today.y && d.m === today.m && d.d === today.d
  })
}

/** Published events still open for sign-up with at least 80% of the seats taken. */
export function fillingUpEvents(events: readonly Event[], now: number): Event[] {
  return events.filter((e) => e.status === 'published' && Date.parse(e.signupDeadline) > now && e.capacity > 0 && e.registeredCount / e.capacity >= 0.8)
}

/** The year of the theme month banner: this year in February and March (China time), else null. */
export function themeBannerYear(now: number): number | null {
  const { y, m } = chinaDay(now)
  return m === 2 || m === 3 ? y : null
}

/** The banner's words for a 春分 date `YYYY-MM-DD`: `3月21日` and the days to it (0 on the day, null after). */
export function themeBanner(equinox: string, now: number): { equinox: string; daysLeft: number | null } {
  const { y, m, d } = chinaDay(now)
  const [ey, em, ed] = equinox.split('-').map(Number)
  const days = Math.round((Date.UTC(ey, em - 1, ed) - Date.UTC(y, m - 1, d)) / DAY_MS)
  return { equinox: `${em}月${ed}日`, daysLeft: days >= 0 ? days : null }
}
