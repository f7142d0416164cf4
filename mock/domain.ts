import type { Attendance, Event, Registration } from '../src/api/contract/event'
import type { User } from '../src/api/contract/auth'
import { toChinaIso } from '../src/api/contract/time'
import type { Db, EventRecord, RegistrationRecord, UserRecord } from './db'

/** Masks a phone for a secretary looking at someone else: 138****0001. */
export function maskPhone(phone: string): string {
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

/** `User` as `viewer` may see it (phones masked for secretaries, except their own). */
export function userView(user: UserRecord, viewer: UserRecord): User {
  const phone = viewer.role === 'organiser' || viewer.id === user.id ? user.phone : maskPhone(user.phone)
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    town: user.town,
    ...(user.village ? { village: user.village } : {}),
    ...(user.area ? { area: user.area } : {}),
    phone,
  }
}

/** The registrations of an event, in creation order. */
export function registrationsOf(db: Db, eventId: string): RegistrationRecord[] {
  return db.state.registrations[eventId] ?? []
}

/** True when a registered secretary has checked in (present or late, also by an organiser's override). */
export function isCheckedIn(r: RegistrationRecord): boolean {
  return r.status === 'registered' && (r.attendance === 'present' || r.attendance === 'late')
}

/** True when a registration holds a seat: registered and not excused. */
export function holdsSeat(r: RegistrationRecord): boolean {
  return r.status === 'registered' && r.attendance !== 'leave'
}

/** The waitlist of an event, first in line first. */
export function waitlistOf(db: Db, eventId: string): RegistrationRecord[] {
  return registrationsOf(db, eventId)
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => a.seq - b.seq)
}

/** Seats taken (registered, not on leave). */
export function registeredCount(db: Db, eventId: string): number {
  return registrationsOf(db, eventId).filter(holdsSeat).length
}

/** Waitlist place (1-based) of every waiting user of an event, computed once for a whole list. */
export function waitlistPositions(db: Db, eventId: string): Map<string, number> {
  return new Map(waitlistOf(db, eventId).map((r, i) => [r.userId, i + 1]))
}

/**
 * Attendance as read: a registered seat of a finished event with no check-in and no leave reads
 * absent. A cancelled event took place for nobody, so its registrations stay pending.
 */
export function effectiveAttendance(r: RegistrationRecord, event: EventRecord, now: number): Attendance {
  if (r.status === 'registered' && r.attendance === 'pending' && now > event.endAt && event.status !== 'cancelled') {
    return 'absent'
  }
  return r.attendance
}

/** `Registration` as API.md defines it; pass `positions` (waitlistPositions) when viewing many. */
export function registrationView(
  db: Db,
  r: RegistrationRecord,
  event: EventRecord,
  now: number,
  positions?: Map<string, number>,
): Registration {
  const view: Registration = {
    eventId: r.eventId,
    userId: r.userId,
    status: r.status,
    attendance: effectiveAttendance(r, event, now),
    createdAt: toChinaIso(r.createdAt),
  }
  if (r.status === 'waitlisted') {
    view.waitlistPosition = (positions ?? waitlistPositions(db, event.id)).get(r.userId)
  }
  if (r.checkedInAt !== undefined) view.checkedInAt = toChinaIso(r.checkedInAt)
  if (r.contestItems) view.contestItems = [...r.contestItems]
  if (r.attendance === 'leave' && r.leaveReason) view.leaveReason = r.leaveReason
  return view
}

/** The caller's registration of an event, if any. */
export function findRegistration(db: Db, eventId: string, userId: string): RegistrationRecord | undefined {
  return registrationsOf(db, eventId).find((r) => r.userId === userId)
}

/** `Event` as `viewer` sees it, with counts and the viewer's own registration. */
export function eventView(db: Db, event: EventRecord, viewer: UserRecord, now: number): Event {
  const regs = registrationsOf(db, event.id)
  const view: Event = {
    id: event.id,
    type: event.type,
    title: event.title,
    description: event.description,
    venue: { ...event.venue },
    startAt: toChinaIso(event.startAt),
    endAt: toChinaIso(event.endAt),
    signupDeadline: toChinaIso(event.signupDeadline),
    capacity: event.capacity,
    credits: event.credits,
    audience: { towns: [...event.audienceTowns] },
    status: event.status,
    registeredCount: regs.filter(holdsSeat).length,
    waitlistCount: regs.filter((r) => r.status === 'waitlisted').length,
  }
  if (event.speaker) view.speaker = event.speaker
  if (event.contestItems) view.contestItems = [...event.contestItems]
  if (viewer.role === 'secretary') {
    const mine = regs.find((r) => r.userId === viewer.id)
    if (mine) view.myRegistration = registrationView(db, mine, event, now)
  } else {
    view.checkedInCount = regs.filter(isCheckedIn).length
  }
  return view
}

/** Whether a secretary may see an event: published for their town, or one they had joined. */
export function canSee(db: Db, event: EventRecord, viewer: UserRecord): boolean {
  if (viewer.role === 'organiser') return true
  const mine = findRegistration(db, event.id, viewer.id)
  const joined = mine !== undefined && mine.status !== 'cancelled'
  if (event.status === 'draft') return false
  if (event.status === 'cancelled') return joined
  return event.audienceTowns.length === 0 || event.audienceTowns.includes(viewer.town) || joined
}

/**
 * Whether a secretary may sign up for (or act on) an event: any non-draft event of their audience,
 * including a cancelled one, so that signing up for it answers SIGNUP_CLOSED rather than 404.
 */
export function canAct(db: Db, event: EventRecord, viewer: UserRecord): boolean {
  if (canSee(db, event, viewer)) return true
  return event.status === 'cancelled' && (event.audienceTowns.length === 0 || event.audienceTowns.includes(viewer.town))
}

/** Adds a notification for one user. */
export function notify(
  db: Db,
  userId: string,
  note: { kind: string; title: string; body: string; link?: string },
  now: number,
): void {
  db.state.notifications.push({ id: db.nextId('ntf-'), userId, read: false, createdAt: now, ...note })
}

/** Fills free seats from the head of the waitlist, notifying each promoted secretary. */
export function promoteFromWaitlist(db: Db, event: EventRecord, now: number): void {
  let free = event.capacity - registeredCount(db, event.id)
  for (const next of waitlistOf(db, event.id)) {
    if (free <= 0) break
    next.status = 'registered'
    free -= 1
    notify(
      db,
      next.userId,
      {
        kind: 'waitlist_promoted',
        title: '候补成功，已为您报名',
        body: `「${event.title}」有名额空出，您已从候补转为已报名。`,
        link: eventLink(event.id),
      },
      now,
    )
  }
}

/** The app page of an honour, for notification links. */
export function honourLink(honourId: string): string {
  return `/packages/common/pages/honour-detail/index?id=${honourId}`
}

/** The app page of an event, for notification links. */
export function eventLink(eventId: string): string {
  return `/pages/event-detail/index?id=${eventId}`
}

/** Users of an event whose registration is in one of `statuses` (each once). */
export function participantIds(db: Db, eventId: string, statuses: RegistrationRecord['status'][]): string[] {
  return registrationsOf(db, eventId)
    .filter((r) => statuses.includes(r.status))
    .map((r) => r.userId)
}

/** Whether a seat of a published, not yet started event may change hands (promotion, leave taken back). */
export function seatsMove(event: EventRecord, now: number): boolean {
  return event.status === 'published' && now < event.startAt
}
