import {
  eventListQuerySchema,
  eventPageSchema,
  eventSchema,
  leaveBodySchema,
  registrationBodySchema,
  registrationSchema,
} from '../../src/api/contract/event'
import type { Db, EventRecord, UserRecord } from '../db'
import {
  canAct,
  canSee,
  eventView,
  findRegistration,
  holdsSeat,
  promoteFromWaitlist,
  registeredCount,
  registrationView,
  seatsMove,
} from '../domain'
import { HttpError, parseOrThrow } from '../http'
import type { Route } from '../router'
import { eventCancelled } from './event-admin'
import { paginate } from './paging'

/** The event if `viewer` may see it, else 404 (drafts and other towns' events are invisible). */
export function visibleEvent(db: Db, id: string, viewer: UserRecord, rule = canSee): EventRecord {
  const event = db.state.events.find((e) => e.id === id)
  if (!event || !rule(db, event, viewer)) {
    throw new HttpError(404, 'NOT_FOUND', '没有找到这个活动，它可能已被删除或不对您开放')
  }
  return event
}

function matches(event: EventRecord, needle: string): boolean {
  return [event.title, event.description, event.speaker ?? '', event.venue.name, event.venue.address].some((s) =>
    s.toLowerCase().includes(needle),
  )
}

function isMine(db: Db, event: EventRecord, user: UserRecord): boolean {
  const r = findRegistration(db, event.id, user.id)
  return r !== undefined && (r.status === 'registered' || r.status === 'waitlisted')
}

/** Event list, detail, sign-up and cancellation. */
export const eventRoutes: Route[] = [
  {
    method: 'GET',
    path: '/events',
    access: 'any',
    doc: { summary: 'Events the caller may see', query: eventListQuerySchema, response: eventPageSchema },
    handle({ db, clock, query, user }) {
      const { type, when, q, mine, page, pageSize } = parseOrThrow(eventListQuerySchema, query)
      const now = clock.now()
      const needle = q?.toLowerCase()
      const found = db.state.events.filter(
        (e) =>
          canSee(db, e, user) &&
          (!type || e.type === type) &&
          (when === 'all' || (when === 'upcoming' ? e.endAt >= now : e.endAt < now)) &&
          (!needle || matches(e, needle)) &&
          (mine !== 'true' || isMine(db, e, user)),
      )
      found.sort((a, b) =>
        when === 'upcoming' ? a.startAt - b.startAt || a.id.localeCompare(b.id) : b.startAt - a.startAt || a.id.localeCompare(b.id),
      )
      return { status: 200, body: paginate(found, page, pageSize, (e) => eventView(db, e, user, now)) }
    },
  },
  {
    method: 'GET',
    path: '/events/:id',
    access: 'any',
    doc: { summary: 'One event with counts and my registration', response: eventSchema },
    handle({ db, clock, params, user }) {
      const event = visibleEvent(db, params.id, user)
      return { status: 200, body: eventView(db, event, user, clock.now()) }
    },
  },
  {
    method: 'POST',
    path: '/events/:id/registration',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Sign up (201), or 200 when already registered', body: registrationBodySchema, response: registrationSchema, status: 201 },
    handle({ db, clock, params, body, user }) {
      const { contestItems } = parseOrThrow(registrationBodySchema, body ?? {})
      const event = visibleEvent(db, params.id, user, canAct)
      const now = clock.now()
      const existing = findRegistration(db, event.id, user.id)
      if (existing && existing.status !== 'cancelled') {
        return { status: 200, body: registrationView(db, existing, event, now) }
      }
      if (event.type === 'contest') {
        const offered = event.contestItems ?? []
        const wanted = [...new Set(contestItems ?? [])]
        if (wanted.length === 0) {
          throw new HttpError(400, 'VALIDATION_FAILED', '请先选择参赛项目', { contestItems: '请至少选择一个比赛项目' })
        }
        const unknown = wanted.filter((item) => !offered.includes(item))
        if (unknown.length) {
          throw new HttpError(400, 'VALIDATION_FAILED', '所选项目不在本次比武中', {
            contestItems: `没有这个比赛项目：${unknown.join('、')}`,
          })
        }
      } else if (contestItems !== undefined) {
        throw new HttpError(400, 'VALIDATION_FAILED', '只有技能比武需要选择比赛项目', {
          contestItems: '只有技能比武需要选择比赛项目',
        })
      }
      if (event.status === 'cancelled') {
        throw new HttpError(409, 'SIGNUP_CLOSED', '活动已取消，无法报名')
      }
      if (now > event.signupDeadline) {
        throw new HttpError(409, 'SIGNUP_CLOSED', '报名已截止，无法报名；如有疑问请联系组织者')
      }
      const seat = registeredCount(db, event.id) < event.capacity
      const record = existing ?? {
        eventId: event.id,
        userId: user.id,
        status: 'registered' as const,
        seq: 0,
        attendance: 'pending' as const,
        createdAt: now,
        audit: [],
      }
      record.status = seat ? 'registered' : 'waitlisted'
      record.seq = db.nextSeq()
      record.attendance = 'pending'
      record.createdAt = now
      delete record.checkedInAt
      delete record.leaveReason
      if (event.type === 'contest') record.contestItems = [...new Set(contestItems ?? [])]
      else delete record.contestItems
      if (!existing) (db.state.registrations[event.id] ??= []).push(record)
      return { status: 201, body: registrationView(db, record, event, now) }
    },
  },
  {
    method: 'DELETE',
    path: '/events/:id/registration',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Cancel my sign-up; promotes the head of the waitlist', response: registrationSchema },
    handle({ db, clock, params, user }) {
      const event = visibleEvent(db, params.id, user)
      const now = clock.now()
      const record = findRegistration(db, event.id, user.id)
      if (!record || record.status === 'cancelled') {
        throw new HttpError(409, 'NOT_REGISTERED', '您没有报名这个活动')
      }
      if (now >= event.startAt) {
        throw new HttpError(409, 'TOO_LATE_TO_CANCEL', '活动已经开始，不能再取消报名；如不能参加请联系组织者')
      }
      // Checked in (from 30 minutes before the start): present at the venue, so the seat is no longer given away.
      if (record.attendance === 'present' || record.attendance === 'late') {
        throw new HttpError(409, 'TOO_LATE_TO_CANCEL', '您已签到，不能再取消报名；如需离开请联系组织者')
      }
      const freedSeat = holdsSeat(record)
      record.status = 'cancelled'
      const answer = registrationView(db, record, event, now)
      if (freedSeat && event.status === 'published') promoteFromWaitlist(db, event, now)
      return { status: 200, body: answer }
    },
  },
  {
    method: 'POST',
    path: '/events/:id/leave',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Ask for leave (请假) before the start; the seat goes to the waitlist', body: leaveBodySchema, response: registrationSchema },
    handle({ db, clock, params, body, user }) {
      const { reason } = parseOrThrow(leaveBodySchema, body)
      const event = visibleEvent(db, params.id, user)
      const now = clock.now()
      const record = findRegistration(db, event.id, user.id)
      if (!record || record.status !== 'registered') {
        throw new HttpError(409, 'NOT_REGISTERED', '您没有报名这个活动（候补或已取消的不需要请假）')
      }
      if (record.attendance === 'leave') return { status: 200, body: registrationView(db, record, event, now) }
      if (event.status === 'cancelled') throw eventCancelled()
      if (now >= event.startAt) {
        throw new HttpError(409, 'TOO_LATE_TO_CANCEL', '活动已经开始，不能再请假；如不能参加请联系组织者')
      }
      if (record.attendance === 'present' || record.attendance === 'late') {
        throw new HttpError(409, 'TOO_LATE_TO_CANCEL', '您已签到，不能再请假；如需离开请联系组织者')
      }
      record.attendance = 'leave'
      record.leaveReason = reason
      if (seatsMove(event, now)) promoteFromWaitlist(db, event, now)
      return { status: 200, body: registrationView(db, record, event, now) }
    },
  },
]
