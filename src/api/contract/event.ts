import { z } from 'zod/mini'
import { isoDateTime, pageOf, pageQueryShape, text } from './common'

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

// ——— Organisers: posting and editing events (API.md, POST/PATCH /events) ———

const latitude = z
  .number({ error: '纬度应为数字' })
  .check(z.gte(-90, { error: '纬度应在 -90 到 90 之间' }), z.lte(90, { error: '纬度应在 -90 到 90 之间' }))
const longitude = z
  .number({ error: '经度应为数字' })
  .check(z.gte(-180, { error: '经度应在 -180 到 180 之间' }), z.lte(180, { error: '经度应在 -180 到 180 之间' }))

/** Venue of a posted event: name, address, optional coordinates (for the check-in geofence). */
export const venueBodySchema = z.strictObject({
  name: text(2, 60),
  address: text(2, 120),
  lat: z.optional(latitude),
  lng: z.optional(longitude),
})

/** The fields of an event an organiser sets; each with API.md's bounds. */
export const eventFieldsShape = {
  type: eventTypeSchema,
  title: text(2, 60),
  description: text(0, 2000, { multiline: true }),
  speaker: z.optional(text(1, 40)),
  venue: venueBodySchema,
  startAt: isoDateTime,
  endAt: isoDateTime,
  signupDeadline: isoDateTime,
  capacity: z
    .number({ error: '名额应为整数' })
    .check(z.int({ error: '名额应为整数' }), z.gte(1, { error: '名额至少 1 人' }), z.lte(1000, { error: '名额最多 1000 人' })),
  credits: z
    .number({ error: '学时应为数字' })
    .check(
      z.gte(0, { error: '学时不能小于 0' }),
      z.lte(40, { error: '学时最多 40' }),
      z.multipleOf(0.5, { error: '学时以 0.5 为单位' }),
    ),
  audience: z.strictObject({ towns: z.array(text(2, 20)).check(z.maxLength(30, { error: '最多选择 30 个镇（街道）' })) }),
  contestItems: z.optional(
    z.array(text(1, 30)).check(z.minLength(1, { error: '至少设置 1 个比赛项目' }), z.maxLength(10, { error: '最多 10 个比赛项目' })),
  ),
}

/** Body of `POST /events`; `status` draft or published (default published). */
export const createEventBodySchema = z.strictObject({
  ...eventFieldsShape,
  status: z.optional(z.enum(['draft', 'published'], { error: '状态只能是草稿或发布' })),
})
export type CreateEventBody = z.input<typeof createEventBodySchema>

/** Body of `PATCH /events/:id`: any subset of the fields; `{status: "published"}` publishes a draft. */
export const updateEventBodySchema = z.extend(z.partial(createEventBodySchema), {
  // An empty speaker removes it.
  speaker: z.optional(text(0, 40)),
  status: z.optional(z.literal('published', { error: '只能把草稿改为发布；取消活动请用“取消活动”' })),
})
export type UpdateEventBody = z.input<typeof updateEventBodySchema>

/** The fields the cross-field rules read. */
export type EventTimes = { type: EventType; startAt: string; endAt: string; signupDeadline: string; contestItems?: string[] }

/**
 * Rules across fields, shared by the form and the server: startAt < endAt, signupDeadline ≤ startAt,
 * contest items for a contest and only for one, startAt in the future (when `checkFuture`).
 * Returns field → Chinese message; empty when all hold.
 */
export function eventRuleErrors(e: EventTimes, now: number, checkFuture: boolean): Record<string, string> {
  const errors: Record<string, string> = {}
  const start = Date.parse(e.startAt)
  const end = Date.parse(e.endAt)
  const deadline = Date.parse(e.signupDeadline)
  if (checkFuture && !(start > now)) errors.startAt = '开始时间应晚于现在'
  if (!(start < end)) errors.endAt = '结束时间应晚于开始时间'
  if (!(deadline <= start)) errors.signupDeadline = '报名截止不能晚于开始时间'
  if (e.type === 'contest' && !e.contestItems?.length) errors.contestItems = '技能比武至少设置 1 个比赛项目'
  if (e.type !== 'contest' && e.contestItems !== undefined) errors.contestItems = '只有技能比武可以设置比赛项目'
  return errors
}

/** Body of `POST /events/:id/cancel`. */
export const cancelEventBodySchema = z.strictObject({ reason: text(2, 200, { multiline: true }) })

/** Body of `POST /events/:id/leave` (请假). */
export const leaveBodySchema = z.strictObject({ reason: text(2, 200, { multiline: true }) })

// ——— Roster, attendance override, check-in ———

/** One change of attendance in a roster row's audit trail; `by` is the organiser's id, `byName` their name. */
export const auditEntrySchema = z.object({
  by: z.string(),
  byName: z.optional(z.string()),
  at: isoDateTime,
  from: attendanceSchema,
  to: attendanceSchema,
  note: z.optional(z.string()),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

/** A row of `GET /events/:id/registrations`. */
export const rosterRowSchema = z.object({
  user: z.lazy(() => rosterUserSchema),
  status: registrationStatusSchema,
  waitlistPosition: z.optional(z.number().check(z.int(), z.gte(1))),
  attendance: attendanceSchema,
  checkedInAt: z.optional(isoDateTime),
  contestItems: z.optional(z.array(z.string())),
  leaveReason: z.optional(z.string()),
  audit: z.array(auditEntrySchema),
})
export type RosterRow = z.infer<typeof rosterRowSchema>
const rosterUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['secretary', 'organiser']),
  town: z.string(),
  village: z.optional(z.string()),
  area: z.optional(z.string()),
  phone: z.string(),
})

/** A page of roster rows. */
export const rosterPageSchema = pageOf(rosterRowSchema)

/** Query of `GET /events/:id/registrations` (extension: `status` and `attendance` filters). */
export const rosterQuerySchema = z.strictObject({
  status: z.optional(registrationStatusSchema),
  attendance: z.optional(attendanceSchema),
  ...pageQueryShape,
})

/** Body of `PUT /events/:id/attendance/:userId`. */
export const attendanceOverrideBodySchema = z.strictObject({
  attendance: z.enum(['present', 'late', 'leave', 'absent'], { error: '出勤状态应为出席、迟到、请假或缺勤' }),
  note: z.optional(text(0, 200, { multiline: true })),
})

/** Answer of `GET /events/:id/checkin-code` (extension: `checkedInCount`, `registeredCount` for the live count). */
export const checkinCodeSchema = z.object({
  code: z.string().check(z.regex(/^\d{6}$/)),
  expiresAt: isoDateTime,
  checkedInCount: z.optional(z.number().check(z.int(), z.gte(0))),
  registeredCount: z.optional(z.number().check(z.int(), z.gte(0))),
})
export type CheckinCode = z.infer<typeof checkinCodeSchema>

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
