import {
  cancelEventBodySchema,
  createEventBodySchema,
  eventRuleErrors,
  eventSchema,
  updateEventBodySchema,
} from '../../src/api/contract/event'
import { chinaMonthDayTime, toChinaIso } from '../../src/api/contract/time'
import { newCheckinSecret, type EventRecord, type UserRecord } from '../db'
import {
  eventCancelled,
  eventLink,
  eventView,
  notify,
  organiserEvent,
  participantIds,
  promoteFromWaitlist,
  registeredCount,
  seatsMove,
} from '../domain'
import { HttpError, parseOrThrow, validationFailed } from '../http'
import { insertEvent, updateEvent } from '../repos/events'
import { appendAudit, changedFields } from '../audit'
import { nextId } from '../repos/ids'
import { knownTownNames } from '../repos/towns'
import type { Route } from '../router'
import { audienceInScope } from '../scope'

type CheckedFields = {
  venue?: { lat?: number; lng?: number }
  audience?: { towns: string[] }
  contestItems?: string[]
  topics?: string[]
}

// Rules the schema cannot state: coordinates come in pairs, towns exist, contest items differ.
function fieldErrors(input: CheckedFields, knownTowns: Set<string>, author: UserRecord): Record<string, string> {
  const errors: Record<string, string> = {}
  const { venue, audience, contestItems } = input
  if (venue && (venue.lat === undefined) !== (venue.lng === undefined)) {
    errors[venue.lat === undefined ? 'venue.lat' : 'venue.lng'] = '经度和纬度应同时填写，或都不填'
  }
  const unknown = (audience?.towns ?? []).filter((town) => !knownTowns.has(town))
  if (unknown.length) errors['audience.towns'] = `没有这个镇（街道）：${unknown.join('、')}`
  else if (audience && !audienceInScope(author, audience.towns)) {
    // A town organiser's events are for their own towns; an empty audience is the whole city.
    errors['audience.towns'] = `只能面向你管理的镇（街道）：${(author.scope?.towns ?? []).join('、')}`
  }
  if (contestItems && new Set(contestItems).size !== contestItems.length) errors.contestItems = '比赛项目不能重复'
  if (input.topics && new Set(input.topics).size !== input.topics.length) errors.topics = '专题不能重复'
  return errors
}

const iso = (ms: number) => new Date(ms).toISOString()

function throwIfAny(errors: Record<string, string>): void {
  if (Object.keys(errors).length) throw validationFailed(errors)
}

/** What the audit log keeps of an event: the fields an organiser edits, instants in China time. */
function auditedEvent(e: EventRecord): Record<string, unknown> {
  return {
    type: e.type,
    title: e.title,
    description: e.description,
    speaker: e.speaker ?? null,
    venue: e.venue,
    startAt: toChinaIso(e.startAt),
    endAt: toChinaIso(e.endAt),
    signupDeadline: toChinaIso(e.signupDeadline),
    capacity: e.capacity,
    credits: e.credits,
    audienceTowns: e.audienceTowns,
    contestItems: e.contestItems ?? null,
    topics: e.topics ?? null,
    status: e.status,
    cancelReason: e.cancelReason ?? null,
  }
}

/** Organisers post, edit and cancel events. */
export const eventAdminRoutes: Route[] = [
  {
    method: 'POST',
    path: '/events',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Post an event (published, or a draft)', body: createEventBodySchema, response: eventSchema, status: 201 },
    async handle({ tx, clock, body, user }) {
      const input = parseOrThrow(createEventBodySchema, body)
      const now = clock.now()
      throwIfAny({ ...eventRuleErrors(input, now, true), ...fieldErrors(input, await knownTownNames(tx), user) })
      const event: EventRecord = {
        id: await nextId(tx, 'evt-'),
        type: input.type,
        title: input.title,
        description: input.description,
        ...(input.speaker ? { speaker: input.speaker } : {}),
        venue: { ...input.venue },
        startAt: Date.parse(input.startAt),
        endAt: Date.parse(input.endAt),
        signupDeadline: Date.parse(input.signupDeadline),
        capacity: input.capacity,
        credits: input.credits,
        audienceTowns: [...new Set(input.audience.towns)],
        ...(input.contestItems ? { contestItems: [...input.contestItems] } : {}),
        ...(input.topics?.length ? { topics: [...input.topics] } : {}),
        status: input.status ?? 'published',
        createdBy: user.id,
        createdAt: now,
        checkinSecret: newCheckinSecret(),
      }
      await insertEvent(tx, event)
      await appendAudit(tx, { by: user.id, at: now, action: 'create', entity: 'events', entityId: event.id, after: auditedEvent(event) })
      return { status: 201, body: await eventView(tx, event, user, now) }
    },
  },
  {
    method: 'PATCH',
    path: '/events/:id',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Edit an event, or publish a draft with {status: "published"}', body: updateEventBodySchema, response: eventSchema },
    async handle({ tx, clock, params, body, user }) {
      const patch = parseOrThrow(updateEventBodySchema, body)
      // Locked: a capacity change promotes from the waitlist, and seats are counted against it.
      const event = await organiserEvent(tx, params.id, { lock: true, manager: user })
      const now = clock.now()
      const type = patch.type ?? event.type
      // Turning a contest into another type drops its items unless new ones are sent (and refused).
      const contestItems = patch.contestItems ?? (type === 'contest' ? event.contestItems : undefined)
      const startAt = patch.startAt !== undefined ? Date.parse(patch.startAt) : event.startAt
      const endAt = patch.endAt !== undefined ? Date.parse(patch.endAt) : event.endAt
      const signupDeadline = patch.signupDeadline !== undefined ? Date.parse(patch.signupDeadline) : event.signupDeadline
      const capacity = patch.capacity ?? event.capacity
      const publishing = patch.status === 'published' && event.status === 'draft'
      const merged = { type, startAt: iso(startAt), endAt: iso(endAt), signupDeadline: iso(signupDeadline), contestItems }
      // startAt must lie ahead when it changes, and when a draft goes out.
      const knownTowns = await knownTownNames(tx)
      throwIfAny({ ...eventRuleErrors(merged, now, startAt !== event.startAt || publishing), ...fieldErrors(patch, knownTowns, user) })

      if (event.status === 'cancelled') throw eventCancelled()
      const timeChanged = startAt !== event.startAt || endAt !== event.endAt
      if (now >= event.startAt && (timeChanged || signupDeadline !== event.signupDeadline || capacity !== event.capacity)) {
        throw new HttpError(409, 'EVENT_STARTED', '活动已经开始，不能再修改时间或名额')
      }
      const seated = await registeredCount(tx, event.id)
      if (capacity !== event.capacity && capacity < seated) {
        throw new HttpError(409, 'CAPACITY_BELOW_REGISTERED', `已有 ${seated} 人报名，名额不能少于 ${seated}`)
      }

      const was = auditedEvent(event)
      const venueChanged =
        patch.venue !== undefined && (patch.venue.name !== event.venue.name || patch.venue.address !== event.venue.address)
      const capacityGrew = capacity > event.capacity
      if (patch.title !== undefined) event.title = patch.title
      if (patch.description !== undefined) event.description = patch.description
      if (patch.speaker === '') delete event.speaker
      else if (patch.speaker !== undefined) event.speaker = patch.speaker
      if (patch.venue) event.venue = { ...patch.venue }
      if (patch.credits !== undefined) event.credits = patch.credits
      if (patch.audience) event.audienceTowns = [...new Set(patch.audience.towns)]
      event.type = type
      if (contestItems) event.contestItems = [...contestItems]
      else delete event.contestItems
      if (patch.topics?.length) event.topics = [...patch.topics]
      else if (patch.topics) delete event.topics
      Object.assign(event, { startAt, endAt, signupDeadline, capacity })
      if (publishing) event.status = 'published'
      await updateEvent(tx, event)
      const change = changedFields(was, auditedEvent(event))
      if (Object.keys(change.after).length > 0) {
        await appendAudit(tx, { by: user.id, at: now, action: publishing ? 'publish' : 'update', entity: 'events', entityId: event.id, ...change })
      }

      if (capacityGrew && seatsMove(event, now)) await promoteFromWaitlist(tx, event, now)
      if ((timeChanged || venueChanged) && event.status === 'published') {
        const changes = [
          ...(timeChanged ? [`时间改为 ${chinaMonthDayTime(startAt)}–${chinaMonthDayTime(endAt)}`] : []),
          ...(venueChanged ? [`地点改为 ${event.venue.name}（${event.venue.address}）`] : []),
        ]
        for (const userId of await participantIds(tx, event.id, ['registered'])) {
          await notify(
            tx,
            userId,
            {
              kind: 'event_changed',
              title: '活动有调整',
              body: `您报名的「${event.title}」${changes.join('，')}。`,
              link: eventLink(event.id),
            },
            now,
          )
        }
      }
      return { status: 200, body: await eventView(tx, event, user, now) }
    },
  },
  {
    method: 'POST',
    path: '/events/:id/cancel',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Cancel an event with a reason; everyone registered or waitlisted is notified', body: cancelEventBodySchema, response: eventSchema },
    async handle({ tx, clock, params, body, user }) {
      const { reason } = parseOrThrow(cancelEventBodySchema, body)
      const event = await organiserEvent(tx, params.id, { lock: true, manager: user })
      const now = clock.now()
      if (event.status === 'cancelled') return { status: 200, body: await eventView(tx, event, user, now) }
      if (now >= event.startAt) {
        throw new HttpError(409, 'EVENT_STARTED', '活动已经开始，不能再取消')
      }
      const was = { status: event.status }
      event.status = 'cancelled'
      event.cancelReason = reason
      await updateEvent(tx, event)
      await appendAudit(tx, { by: user.id, at: now, action: 'cancel', entity: 'events', entityId: event.id, before: was, after: { status: 'cancelled', cancelReason: reason } })
      for (const userId of await participantIds(tx, event.id, ['registered', 'waitlisted'])) {
        await notify(
          tx,
          userId,
          {
            kind: 'event_cancelled',
            title: '活动已取消',
            body: `您报名的「${event.title}」（${chinaMonthDayTime(event.startAt)}）已取消。原因：${reason}`,
            link: eventLink(event.id),
          },
          now,
        )
      }
      return { status: 200, body: await eventView(tx, event, user, now) }
    },
  },
]
