import {
  eventListQuerySchema,
  eventPageSchema,
  eventSchema,
  leaveBodySchema,
  registrationBodySchema,
  registrationSchema,
} from '../../src/api/contract/event'
import {
  canAct,
  eventCancelled,
  eventView,
  eventViews,
  findRegistration,
  holdsSeat,
  promoteFromWaitlist,
  registeredCount,
  registrationView,
  seatsMove,
  visibleEvent,
} from '../domain'
import { HttpError, parseOrThrow } from '../http'
import { nextSeq } from '../repos/ids'
import { pageOfEvents } from '../repos/events'
import { insertRegistration, updateRegistration } from '../repos/registrations'
import type { Route } from '../router'

/** Event list, detail, sign-up and cancellation. */
export const eventRoutes: Route[] = [
  {
    method: 'GET',
    path: '/events',
    access: 'any',
    doc: { summary: 'Events the caller may see', query: eventListQuerySchema, response: eventPageSchema },
    async handle({ tx, clock, query, user }) {
      const { type, when, q, mine, page, pageSize } = parseOrThrow(eventListQuerySchema, query)
      const now = clock.now()
      const found = await pageOfEvents(tx, {
        viewer: user,
        type,
        when,
        now,
        needle: q?.toLowerCase(),
        mine: mine === 'true',
        page,
        pageSize,
      })
      const items = await eventViews(tx, found.events, user, now, found.mine)
      return { status: 200, body: { items, total: found.total, page, pageSize } }
    },
  },
  {
    method: 'GET',
    path: '/events/:id',
    access: 'any',
    doc: { summary: 'One event with counts and my registration', response: eventSchema },
    async handle({ tx, clock, params, user }) {
      const event = await visibleEvent(tx, params.id, user)
      return { status: 200, body: await eventView(tx, event, user, clock.now()) }
    },
  },
  {
    method: 'POST',
    path: '/events/:id/registration',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Sign up (201), or 200 when already registered', body: registrationBodySchema, response: registrationSchema, status: 201 },
    async handle({ tx, clock, params, body, user }) {
      const { contestItems } = parseOrThrow(registrationBodySchema, body ?? {})
      // Locked: two sign-ups for the last seat are decided one after the other.
      const event = await visibleEvent(tx, params.id, user, { rule: canAct, lock: true })
      const now = clock.now()
      const existing = await findRegistration(tx, event.id, user.id)
      if (existing && existing.status !== 'cancelled') {
        return { status: 200, body: await registrationView(tx, existing, event, now) }
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
      const seat = (await registeredCount(tx, event.id)) < event.capacity
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
      record.seq = await nextSeq(tx)
      record.attendance = 'pending'
      record.createdAt = now
      delete record.checkedInAt
      delete record.leaveReason
      if (event.type === 'contest') record.contestItems = [...new Set(contestItems ?? [])]
      else delete record.contestItems
      if (existing) await updateRegistration(tx, record)
      else await insertRegistration(tx, record)
      return { status: 201, body: await registrationView(tx, record, event, now) }
    },
  },
  {
    method: 'DELETE',
    path: '/events/:id/registration',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Cancel my sign-up; promotes the head of the waitlist', response: registrationSchema },
    async handle({ tx, clock, params, user }) {
      const event = await visibleEvent(tx, params.id, user, { lock: true })
      const now = clock.now()
      const record = await findRegistration(tx, event.id, user.id)
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
      await updateRegistration(tx, record)
      const answer = await registrationView(tx, record, event, now)
      if (freedSeat && event.status === 'published') await promoteFromWaitlist(tx, event, now)
      return { status: 200, body: answer }
    },
  },
  {
    method: 'POST',
    path: '/events/:id/leave',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Ask for leave (请假) before the start; the seat goes to the waitlist', body: leaveBodySchema, response: registrationSchema },
    async handle({ tx, clock, params, body, user }) {
      const { reason } = parseOrThrow(leaveBodySchema, body)
      const event = await visibleEvent(tx, params.id, user, { lock: true })
      const now = clock.now()
      const record = await findRegistration(tx, event.id, user.id)
      if (!record || record.status !== 'registered') {
        throw new HttpError(409, 'NOT_REGISTERED', '您没有报名这个活动（候补或已取消的不需要请假）')
      }
      if (record.attendance === 'leave') return { status: 200, body: await registrationView(tx, record, event, now) }
      if (event.status === 'cancelled') throw eventCancelled()
      if (now >= event.startAt) {
        throw new HttpError(409, 'TOO_LATE_TO_CANCEL', '活动已经开始，不能再请假；如不能参加请联系组织者')
      }
      if (record.attendance === 'present' || record.attendance === 'late') {
        throw new HttpError(409, 'TOO_LATE_TO_CANCEL', '您已签到，不能再请假；如需离开请联系组织者')
      }
      record.attendance = 'leave'
      record.leaveReason = reason
      await updateRegistration(tx, record)
      if (seatsMove(event, now)) await promoteFromWaitlist(tx, event, now)
      return { status: 200, body: await registrationView(tx, record, event, now) }
    },
  },
]
