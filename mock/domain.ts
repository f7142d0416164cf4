import type { Attendance, Event, Registration } from '../src/api/contract/event'
import type { User } from '../src/api/contract/auth'
import { toChinaIso } from '../src/api/contract/time'
import type { EventRecord, RegistrationRecord, UserRecord } from './db'
import { HttpError } from './http'
import { nextId } from './repos/ids'
import { insertNotification } from './repos/notifications'
import * as events from './repos/events'
import * as registrations from './repos/registrations'
import type { Tx } from './repos/tx'
import { audienceInScope, townInScope } from './scope'

/** Masks a phone for a viewer outside its owner's scope: 138****0001. */
export function maskPhone(phone: string): string {
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

/** `User` as `viewer` may see it (phones masked outside the viewer's scope, except their own). */
export function userView(user: UserRecord, viewer: UserRecord): User {
  // Whole only to the person and to organisers whose scope holds them (API.md v1.1).
  const phone = viewer.id === user.id || townInScope(viewer, user.town) ? user.phone : maskPhone(user.phone)
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    town: user.town,
    ...(user.village ? { village: user.village } : {}),
    ...(user.area ? { area: user.area } : {}),
    phone,
    ...(user.scope ? { scope: { towns: [...user.scope.towns] } } : {}),
  }
}

/** The registrations of an event, in creation order. */
export function registrationsOf(tx: Tx, eventId: string): Promise<RegistrationRecord[]> {
  return registrations.registrationsOfEvent(tx, eventId)
}

/** True when a registered secretary has checked in (present or late, also by an organiser's override). */
export function isCheckedIn(r: RegistrationRecord): boolean {
  return r.status === 'registered' && (r.attendance === 'present' || r.attendance === 'late')
}

/** True when a registration holds a seat: registered and not excused. */
export function holdsSeat(r: RegistrationRecord): boolean {
  return r.status === 'registered' && r.attendance !== 'leave'
}

/** The waitlist among an event's registrations, first in line first. */
export function waitlistAmong(regs: RegistrationRecord[]): RegistrationRecord[] {
  return regs.filter((r) => r.status === 'waitlisted').sort((a, b) => a.seq - b.seq)
}

/** The waitlist of an event, first in line first. */
export async function waitlistOf(tx: Tx, eventId: string): Promise<RegistrationRecord[]> {
  return waitlistAmong(await registrationsOf(tx, eventId))
}

/** Seats taken (registered, not on leave). */
export async function registeredCount(tx: Tx, eventId: string): Promise<number> {
  // Counted in the database: a sign-up must not read a 10,000-row roster to find a free seat.
  return registrations.countSeatHolders(tx, eventId)
}

/** Waitlist place (1-based) of every waiting user among an event's registrations. */
export function positionsAmong(regs: RegistrationRecord[]): Map<string, number> {
  return new Map(waitlistAmong(regs).map((r, i) => [r.userId, i + 1]))
}

/** Waitlist place (1-based) of every waiting user of an event, computed once for a whole list. */
export async function waitlistPositions(tx: Tx, eventId: string): Promise<Map<string, number>> {
  return positionsAmong(await registrationsOf(tx, eventId))
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
export async function registrationView(
  tx: Tx,
  r: RegistrationRecord,
  event: EventRecord,
  now: number,
  positions?: Map<string, number>,
): Promise<Registration> {
  if (r.status !== 'waitlisted') return registrationViewWith(r, event, now, new Map())
  // One place, counted in the database, unless the caller has every place at hand already.
  return registrationViewWith(r, event, now, positions ?? new Map([[r.userId, await registrations.waitlistPlace(tx, event.id, r.seq)]]))
}

/** `Registration` with the event's waitlist places at hand. */
export function registrationViewWith(r: RegistrationRecord, event: EventRecord, now: number, positions: Map<string, number>): Registration {
  const view: Registration = {
    eventId: r.eventId,
    userId: r.userId,
    status: r.status,
    attendance: effectiveAttendance(r, event, now),
    createdAt: toChinaIso(r.createdAt),
  }
  if (r.status === 'waitlisted') {
    view.waitlistPosition = positions.get(r.userId)
  }
  if (r.checkedInAt !== undefined) view.checkedInAt = toChinaIso(r.checkedInAt)
  if (r.contestItems) view.contestItems = [...r.contestItems]
  if (r.attendance === 'leave' && r.leaveReason) view.leaveReason = r.leaveReason
  return view
}

/** The caller's registration of an event, if any. */
export function findRegistration(tx: Tx, eventId: string, userId: string): Promise<RegistrationRecord | undefined> {
  return registrations.findRegistration(tx, eventId, userId)
}

/** `Event` as `viewer` sees it, with counts and the viewer's own registration. */
export async function eventView(tx: Tx, event: EventRecord, viewer: UserRecord, now: number): Promise<Event> {
  return (await eventViews(tx, [event], viewer, now))[0]
}

/**
 * `Event` views of many events: their counts in one grouped query, and the viewer's registrations
 * (pass `mine` when the caller has read them already, as GET /events does with its page).
 */
export async function eventViews(
  tx: Tx,
  list: EventRecord[],
  viewer: UserRecord,
  now: number,
  mine?: Map<string, RegistrationRecord>,
): Promise<Event[]> {
  const ids = list.map((e) => e.id)
  const counts = await registrations.countsOfEvents(tx, ids, viewer.id)
  const own = viewer.role === 'secretary' ? (mine ?? (await registrations.registrationsOfUserAmong(tx, viewer.id, ids))) : new Map()
  return list.map((e) => eventViewWith(e, counts.get(e.id)!, own.get(e.id), viewer, now))
}

/** `Event` as `viewer` sees it, given its counts and the viewer's registration (if any). */
export function eventViewWith(
  event: EventRecord,
  counts: registrations.EventCounts,
  mine: RegistrationRecord | undefined,
  viewer: UserRecord,
  now: number,
): Event {
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
    registeredCount: counts.registered,
    waitlistCount: counts.waitlisted,
  }
  if (event.speaker) view.speaker = event.speaker
  if (event.contestItems) view.contestItems = [...event.contestItems]
  if (event.topics?.length) view.topics = [...event.topics]
  if (viewer.role === 'secretary') {
    if (mine) view.myRegistration = registrationViewWith(mine, event, now, new Map(counts.myPlace ? [[mine.userId, counts.myPlace]] : []))
  } else {
    view.checkedInCount = counts.checkedIn
  }
  return view
}

/** Whether a secretary may see an event: published for their town, or one they had joined. */
export async function canSee(tx: Tx, event: EventRecord, viewer: UserRecord): Promise<boolean> {
  if (viewer.role === 'organiser') return true
  return canSeeWith(event, viewer, await findRegistration(tx, event.id, viewer.id))
}

/** `canSee` given the viewer's registration of the event (if any). */
export function canSeeWith(event: EventRecord, viewer: UserRecord, mine: RegistrationRecord | undefined): boolean {
  if (viewer.role === 'organiser') return true
  const joined = mine !== undefined && mine.status !== 'cancelled'
  if (event.status === 'draft') return false
  if (event.status === 'cancelled') return joined
  return event.audienceTowns.length === 0 || event.audienceTowns.includes(viewer.town) || joined
}

/**
 * Whether a secretary may sign up for (or act on) an event: any non-draft event of their audience,
 * including a cancelled one, so that signing up for it answers SIGNUP_CLOSED rather than 404.
 */
export async function canAct(tx: Tx, event: EventRecord, viewer: UserRecord): Promise<boolean> {
  if (await canSee(tx, event, viewer)) return true
  return event.status === 'cancelled' && (event.audienceTowns.length === 0 || event.audienceTowns.includes(viewer.town))
}

/** Adds a notification for one user. */
export async function notify(
  tx: Tx,
  userId: string,
  note: { kind: string; title: string; body: string; link?: string },
  now: number,
): Promise<void> {
  await insertNotification(tx, { id: await nextId(tx, 'ntf-'), userId, read: false, createdAt: now, ...note })
}

/**
 * Fills free seats from the head of the waitlist, notifying each promoted secretary. The caller
 * holds the event's lock (repos/events lockEvent), so two of these never race for one seat.
 */
export async function promoteFromWaitlist(tx: Tx, event: EventRecord, now: number): Promise<void> {
  let free = event.capacity - (await registrations.countSeatHolders(tx, event.id))
  for (const next of await registrations.waitlistHead(tx, event.id, free)) {
    if (free <= 0) break
    next.status = 'registered'
    await registrations.updateRegistration(tx, next)
    free -= 1
    await notify(
      tx,
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
export async function participantIds(tx: Tx, eventId: string, statuses: RegistrationRecord['status'][]): Promise<string[]> {
  return (await registrationsOf(tx, eventId))
    .filter((r) => statuses.includes(r.status))
    .map((r) => r.userId)
}

/** Whether a seat of a published, not yet started event may change hands (promotion, leave taken back). */
export function seatsMove(event: EventRecord, now: number): boolean {
  return event.status === 'published' && now < event.startAt
}

/** 409 EVENT_CANCELLED: nothing but reading is left to do with a cancelled event. */
export function eventCancelled(): HttpError {
  return new HttpError(409, 'EVENT_CANCELLED', '活动已取消，不能再进行这项操作')
}

/**
 * The event if `viewer` may see it, else 404 (drafts and other towns' events are invisible).
 * `lock` takes the event's row lock first: every change of seats, the waitlist or the roster does.
 */
export async function visibleEvent(
  tx: Tx,
  id: string,
  viewer: UserRecord,
  options: { rule?: (tx: Tx, event: EventRecord, viewer: UserRecord) => Promise<boolean>; lock?: boolean } = {},
): Promise<EventRecord> {
  const event = options.lock ? await events.lockEvent(tx, id) : await events.findEvent(tx, id)
  if (!event || !(await (options.rule ?? canSee)(tx, event, viewer))) {
    throw new HttpError(404, 'NOT_FOUND', '没有找到这个活动，它可能已被删除或不对您开放')
  }
  return event
}

/** Any event by id, for organisers (who see drafts and every town), else 404; `lock` as in visibleEvent. */
export async function organiserEvent(
  tx: Tx,
  id: string,
  options: { lock?: boolean; manager?: UserRecord } = {},
): Promise<EventRecord> {
  const event = options.lock ? await events.lockEvent(tx, id) : await events.findEvent(tx, id)
  if (!event) throw new HttpError(404, 'NOT_FOUND', '没有找到这个活动，它可能已被删除')
  // Every organiser reads every event; managing one needs its audience inside their towns (v1.1).
  if (options.manager && !audienceInScope(options.manager, event.audienceTowns)) throw outOfScope(options.manager)
  return event
}

/** 403 OUT_OF_SCOPE: the object exists and may be read, but lies outside the organiser's towns. */
export function outOfScope(viewer: UserRecord): HttpError {
  const towns = viewer.scope?.towns ?? []
  return new HttpError(403, 'OUT_OF_SCOPE', `这项操作不在你的管理范围内${towns.length ? `（你管理：${towns.join('、')}）` : ''}`)
}

/** 403 OUT_OF_SCOPE for what only 市委组织部 (a city organiser) may do: honours, the question bank. */
export function cityOnly(what: string): HttpError {
  return new HttpError(403, 'OUT_OF_SCOPE', `${what}由市委组织部统一办理，镇（街道）组织委员不能操作`)
}
