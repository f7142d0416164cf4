import { z } from 'zod/mini'
import { isoDateTime, pageOf, pageQueryShape, text } from '../common'
import { examModuleSchema } from '../exam-module'

// The event, its page and the caller's sign-up, leave and 签到: part of ../event.ts, which every caller imports.

/** The four kinds of event; the Chinese names are in EVENT_TYPE_LABELS. */
export const eventTypeSchema = z.enum(['lecture', 'contest', 'exchange', 'field'])
export type EventType = z.infer<typeof eventTypeSchema>

/** Chinese names of the event types, as users know them. */
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  lecture: '强村讲堂',
  contest: '技能比武',
  exchange: '片区交流',
  field: '现场拉练',
}

/** Lifecycle of an event. */
export const eventStatusSchema = z.enum(['draft', 'published', 'cancelled'])
export type EventStatus = z.infer<typeof eventStatusSchema>

/** Registration status; `cancelled` once withdrawn. */
export const registrationStatusSchema = z.enum(['registered', 'waitlisted', 'cancelled'])
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>

/** Attendance of a registration. */
export const attendanceSchema = z.enum(['pending', 'present', 'late', 'leave', 'absent'])
export type Attendance = z.infer<typeof attendanceSchema>

/** `Registration` as API.md defines it. */
export const registrationSchema = z.object({
  eventId: z.string(),
  userId: z.string(),
  status: registrationStatusSchema,
  waitlistPosition: z.optional(z.number().check(z.int(), z.gte(1))),
  attendance: attendanceSchema,
  checkedInAt: z.optional(isoDateTime),
  contestItems: z.optional(z.array(z.string())),
  /** Extension: the reason given with 请假, so every phone of the secretary can show it. */
  leaveReason: z.optional(z.string()),
  createdAt: isoDateTime,
})
export type Registration = z.infer<typeof registrationSchema>

/** Where an event takes place. */
export const venueSchema = z.object({
  name: z.string(),
  address: z.string(),
  lat: z.optional(z.number()),
  lng: z.optional(z.number()),
})
export type Venue = z.infer<typeof venueSchema>

/** `Event` as API.md defines it. */
export const eventSchema = z.object({
  id: z.string(),
  type: eventTypeSchema,
  title: z.string(),
  description: z.string(),
  speaker: z.optional(z.string()),
  venue: venueSchema,
  startAt: isoDateTime,
  endAt: isoDateTime,
  signupDeadline: isoDateTime,
  capacity: z.number().check(z.int(), z.gte(1)),
  credits: z.number().check(z.gte(0)),
  audience: z.object({ towns: z.array(z.string()) }),
  contestItems: z.optional(z.array(z.string())),
  /** v1.1: the exam modules this event covers (强村讲堂 recommended after a weak module). */
  topics: z.optional(z.array(examModuleSchema)),
  status: eventStatusSchema,
  registeredCount: z.number().check(z.int(), z.gte(0)),
  waitlistCount: z.number().check(z.int(), z.gte(0)),
  myRegistration: z.optional(registrationSchema),
  /** Extension, organisers only: registrations checked in (present or late), for 首页's live counts. */
  checkedInCount: z.optional(z.number().check(z.int(), z.gte(0))),
})
export type Event = z.infer<typeof eventSchema>

/** A page of events. */
export const eventPageSchema = pageOf(eventSchema)

/** Which events a list shows by time. */
export const eventWhenSchema = z.enum(['upcoming', 'past', 'all'])
export type EventWhen = z.infer<typeof eventWhenSchema>

/** Query of `GET /events`. */
export const eventListQuerySchema = z.strictObject({
  type: z.optional(eventTypeSchema),
  when: z.pipe(z.optional(eventWhenSchema), z.transform((v) => v ?? 'upcoming')),
  q: z.optional(text(0, 50)),
  /** Extension: `mine=true` keeps the caller's registered and waitlisted events (我的报名). */
  mine: z.optional(z.enum(['true', 'false'], { error: '应为 true 或 false' })),
  ...pageQueryShape,
})
export type EventListQuery = z.input<typeof eventListQuerySchema>

/** Body of `POST /events/:id/registration` (contest items only for a 技能比武). */
export const registrationBodySchema = z.strictObject({
  contestItems: z.optional(
    z
      .array(text(1, 30), { error: '比赛项目应为列表' })
      .check(z.minLength(1, { error: '请至少选择一个比赛项目' }), z.maxLength(10, { error: '最多选择 10 个比赛项目' })),
  ),
})
export type RegistrationBody = z.infer<typeof registrationBodySchema>

/** Body of `POST /events/:id/leave` (请假). */
export const leaveBodySchema = z.strictObject({ reason: text(2, 200, { multiline: true }) })

// ——— Check-in (the secretary's side) ———

/** Latitude and longitude of a venue or of the phone at 签到. */
export const latitude = z
  .number({ error: '纬度应为数字' })
  .check(z.gte(-90, { error: '纬度应在 -90 到 90 之间' }), z.lte(90, { error: '纬度应在 -90 到 90 之间' }))
export const longitude = z
  .number({ error: '经度应为数字' })
  .check(z.gte(-180, { error: '经度应在 -180 到 180 之间' }), z.lte(180, { error: '经度应在 -180 到 180 之间' }))

/** Body of `POST /events/:id/checkin`. */
export const checkinBodySchema = z.strictObject({
  code: z.string({ error: '请输入签到码' }).check(z.trim(), z.regex(/^\d{6}$/, { error: '签到码为 6 位数字' })),
  location: z.optional(z.strictObject({ lat: latitude, lng: longitude })),
})
export type CheckinBody = z.infer<typeof checkinBodySchema>

/** Answer of a check-in. */
export const checkinResultSchema = z.object({
  attendance: z.enum(['present', 'late']),
  checkedInAt: isoDateTime,
})
export type CheckinResult = z.infer<typeof checkinResultSchema>
