import type { Event } from '@/api/contract/event'
import { seatsLabel, signupState } from '@/features/events/lib/signup-state'

const NOW = Date.parse('2026-12-01T09:30:00+08:00')

/** An open 强村讲堂 next week, with overrides. */
function createEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: 'e1',
    type: 'lecture',
    title: '强村讲堂',
    description: '',
    venue: { name: '党校', address: '绵竹' },
    startAt: '2026-12-08T09:00:00+08:00',
    endAt: '2026-12-08T12:00:00+08:00',
    signupDeadline: '2026-12-07T09:00:00+08:00',
    capacity: 30,
    credits: 2,
    audience: { towns: [] },
    status: 'published',
    registeredCount: 10,
    waitlistCount: 0,
    ...overrides,
  }
}
const mine = (status: 'registered' | 'waitlisted' | 'cancelled', extra = {}) => ({
  eventId: 'e1',
  userId: 'u',
  status,
  attendance: 'pending' as const,
  createdAt: '2026-11-30T09:00:00+08:00',
  ...extra,
})

describe('signupState', () => {
  it('should offer 报名 with the seats left while the event is open', () => {
    expect(signupState(createEvent(), NOW)).toEqual({ kind: 'open', seatsLeft: 20 })
    expect(seatsLabel(createEvent(), NOW)).toBe('剩余 20 个名额')
  })

  it('should say 候补 when the event is full', () => {
    const full = createEvent({ registeredCount: 30, waitlistCount: 4 })
    expect(signupState(full, NOW).kind).toBe('full')
    expect(seatsLabel(full, NOW)).toContain('候补')
  })

  it('should show the waitlist position of a waitlisted secretary', () => {
    const event = createEvent({ myRegistration: mine('waitlisted', { waitlistPosition: 3 }) })
    expect(signupState(event, NOW)).toEqual({ kind: 'waitlisted', position: 3 })
    expect(seatsLabel(event, NOW)).toBe('候补第 3 位')
  })

  it('should read 已报名 for a registered secretary and open again after a cancellation', () => {
    expect(signupState(createEvent({ myRegistration: mine('registered') }), NOW).kind).toBe('registered')
    expect(signupState(createEvent({ myRegistration: mine('cancelled') }), NOW).kind).toBe('open')
  })

  it('should close sign-up one millisecond after the deadline, and say so', () => {
    const event = createEvent()
    const deadline = Date.parse(event.signupDeadline)
    expect(signupState(event, deadline).kind).toBe('open')
    expect(signupState(event, deadline + 1).kind).toBe('closed')
    expect(seatsLabel(event, deadline + 1)).toBe('报名已截止')
  })

  it('should tell started, ended and cancelled events apart', () => {
    const event = createEvent()
    expect(signupState(event, Date.parse(event.startAt)).kind).toBe('started')
    expect(signupState(event, Date.parse(event.endAt) + 1).kind).toBe('ended')
    expect(signupState(createEvent({ status: 'cancelled', myRegistration: mine('registered') }), NOW).kind).toBe('cancelled')
  })
})
