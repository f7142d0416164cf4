import { z } from 'zod/mini'
import { isoDateTime, pageOf, pageQueryShape, text } from '../common'
import { examModuleSchema } from '../exam-module'
import { attendanceSchema, eventTypeSchema, latitude, longitude, registrationStatusSchema, type EventType } from './event'

// The organisers' side of an event: posting and editing, cancelling, the 名单 and the 签到码. Part of ../event.ts,
// which every caller imports; kept apart so that the main package and H5's first load, which the organisers'
// screens are not part of, do not carry these schemas.

// ——— Posting and editing events (API.md, POST/PATCH /events) ———

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
  /** v1.1: the exam modules the event covers; an empty list removes them. */
  topics: z.optional(z.array(examModuleSchema).check(z.maxLength(4, { error: '最多 4 个专题' }))),
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

