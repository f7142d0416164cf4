import type { Event, Registration } from '@/api/contract/event'
import { isCheckinOpen, seatsLabel, signupState } from '@/features/events/lib/signup-state'

const START = Date.parse('2026-12-08T09:00:00+08:00')
const END = Date.parse('2026-12-08T12:00:00+08:00')
const MINUTE = 60_000

function createEvent(mine?: Partial<Registration>): Event {
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
    ...(mine
      ? { myRegistration: { eventId: 'e1', userId: 'u', status: 'registered', attendance: 'pending', createdAt: '2026-12-01T09:00:00+08:00', ...mine } }
      : {}),
  }
}

describe('check-in window', () => {
  it('should open exactly 30 minutes before the start and not 1 ms earlier', () => {
    expect(isCheckinOpen(createEvent(), START - 30 * MINUTE)).toBe(true)
    expect(isCheckinOpen(createEvent(), START - 30 * MINUTE - 1)).toBe(false)
  })

  it('should stay open exactly at the end and close 1 ms after it', () => {
    expect(isCheckinOpen(createEvent(), END)).toBe(true)
    expect(isCheckinOpen(createEvent(), END + 1)).toBe(false)
  })

  it('should offer 签到 to a registered secretary only while the window is open', () => {
    const event = createEvent({})
    expect(signupState(event, START - 30 * MINUTE - 1)).toEqual({ kind: 'registered' })
    expect(signupState(event, START - 30 * MINUTE)).toEqual({ kind: 'checkin', beforeStart: true })
    expect(signupState(event, START)).toEqual({ kind: 'checkin', beforeStart: false })
    expect(signupState(event, END)).toEqual({ kind: 'checkin', beforeStart: false })
    expect(signupState(event, END + 1)).toEqual({ kind: 'ended' })
  })

  it('should not offer 签到 to a waitlisted secretary or to someone not signed up', () => {
    expect(signupState(createEvent({ status: 'waitlisted', waitlistPosition: 1 }), START).kind).toBe('waitlisted')
    expect(signupState(createEvent(), START).kind).toBe('started')
  })

  it('should read 已请假 for a registration on leave, before and after the event', () => {
    const event = createEvent({ attendance: 'leave' })
    expect(signupState(event, START - 60 * MINUTE)).toEqual({ kind: 'leave' })
    expect(signupState(event, END + 1)).toEqual({ kind: 'leave' })
    expect(seatsLabel(event, START)).toBe('已请假')
  })

  it('should read 已签到 or 迟到 with the time once checked in, also after the end', () => {
    const present = createEvent({ attendance: 'present', checkedInAt: '2026-12-08T08:50:00+08:00' })
    expect(signupState(present, START)).toEqual({ kind: 'checked-in', attendance: 'present', checkedInAt: '2026-12-08T08:50:00+08:00' })
    expect(seatsLabel(present, END + 1)).toBe('已签到')
    expect(seatsLabel(createEvent({ attendance: 'late', checkedInAt: '2026-12-08T09:20:00+08:00' }), START)).toBe('迟到')
  })
})
