import type { Commitment } from '@/api/contract/commitment'
import { springEquinoxChinaDate } from '@/api/contract/equinox'
import { checkinOpenEvents, fillingUpEvents, itemsDueThisQuarter, nextRegisteredEvents, themeBanner, todaysEvents } from '@/features/dashboard/lib/dashboard'
import { createEvent } from '../support/events'

const MIN = 60_000
const at = (iso: string) => Date.parse(iso)
const registered = { eventId: 'evt-1', userId: 'u-s01', status: 'registered' as const, attendance: 'pending' as const, createdAt: '2027-03-01T09:00:00+08:00' }

describe('dashboard', () => {
  const start = at('2027-03-21T09:00:00+08:00')
  const event = createEvent({ startAt: new Date(start).toISOString(), endAt: new Date(start + 120 * MIN).toISOString(), myRegistration: registered })

  it('should offer 签到 from 30 minutes before the start to the end, and not once checked in', () => {
    expect(checkinOpenEvents([event], start - 31 * MIN)).toHaveLength(0)
    expect(checkinOpenEvents([event], start - 30 * MIN)).toHaveLength(1)
    expect(checkinOpenEvents([event], start + 120 * MIN)).toHaveLength(1)
    expect(checkinOpenEvents([event], start + 121 * MIN)).toHaveLength(0)
    const done = { ...event, myRegistration: { ...registered, attendance: 'present' as const } }
    expect(checkinOpenEvents([done], start)).toHaveLength(0)
    const waiting = { ...event, myRegistration: { ...registered, status: 'waitlisted' as const, waitlistPosition: 1 } }
    expect(checkinOpenEvents([waiting], start)).toHaveLength(0)
  })

  it('should list the next registered or waitlisted events soonest first', () => {
    const later = createEvent({ id: 'later', startAt: new Date(start + 86_400_000).toISOString(), myRegistration: registered })
    const none = createEvent({ id: 'none' })
    expect(nextRegisteredEvents([later, none, event], 3).map((e) => e.id)).toEqual(['evt-1', 'later'])
  })

  it('should pick the items due in the current China-time quarter', () => {
    const item = (id: string, dueQuarter: number) => ({ id, title: id, dueQuarter, progress: [], latestPercent: 0 })
    const sheet = { items: [item('a', 1), item('b', 2), item('c', 1)] } as unknown as Commitment
    expect(itemsDueThisQuarter(sheet, at('2027-03-31T23:00:00+08:00')).map((i) => i.id)).toEqual(['a', 'c'])
    expect(itemsDueThisQuarter(sheet, at('2027-03-31T17:00:00Z')).map((i) => i.id)).toEqual(['b'])
  })

  it('should show the theme month banner only in February and March', () => {
    expect(themeBanner(at('2027-01-31T23:00:00+08:00'))).toBeNull()
    expect(themeBanner(at('2027-02-01T08:00:00+08:00'))).toEqual({ year: 2027, equinox: '3月21日', daysLeft: 48 })
    expect(themeBanner(at('2027-03-21T08:00:00+08:00'))?.daysLeft).toBe(0)
    expect(themeBanner(at('2027-03-22T08:00:00+08:00'))?.daysLeft).toBeNull()
    expect(themeBanner(at('2027-04-01T08:00:00+08:00'))).toBeNull()
    expect(springEquinoxChinaDate(2027)).toBe('2027-03-21')
  })

  it('should find today\'s events and sign-ups at 80% or more that are still open', () => {
    const now = at('2027-03-21T08:00:00+08:00')
    const full = createEvent({ id: 'f', capacity: 10, registeredCount: 8, signupDeadline: '2027-03-22T08:00:00+08:00' })
    const half = createEvent({ id: 'h', capacity: 10, registeredCount: 7, signupDeadline: '2027-03-22T08:00:00+08:00' })
    const closed = createEvent({ id: 'c', capacity: 10, registeredCount: 10, signupDeadline: '2027-03-21T07:00:00+08:00' })
    expect(fillingUpEvents([full, half, closed], now).map((e) => e.id)).toEqual(['f'])
    const tomorrow = createEvent({ id: 't', startAt: '2027-03-22T09:00:00+08:00' })
    expect(todaysEvents([event, tomorrow], now).map((e) => e.id)).toEqual(['evt-1'])
  })
})
