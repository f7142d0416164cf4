import { z } from 'zod'
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
  waitlistPosition: z.number().int().min(1).optional(),
  attendance: attendanceSchema,
  checkedInAt: isoDateTime.optional(),
  contestItems: z.array(z.string()).optional(),
  createdAt: isoDateTime,
})
export type Registration = z.infer<typeof registrationSchema>

/** Where an event takes place. */
export const venueSchema = z.object({
  name: z.string(),
  address: z.string(),
  lat: z.number().optional(),
  lng: z.number().optional(),
})
export type Venue = z.infer<typeof venueSchema>

/** `Event` as API.md defines it. */
export const eventSchema = z.object({
  id: z.string(),
  type: eventTypeSchema,
  title: z.string(),
  description: z.string(),
  speaker: z.string().optional(),
  venue: venueSchema,
  startAt: isoDateTime,
  endAt: isoDateTime,
  signupDeadline: isoDateTime,
  capacity: z.number().int().min(1),
  credits: z.number().min(0),
  audience: z.object({ towns: z.array(z.string()) }),
  contestItems: z.array(z.string()).optional(),
  status: eventStatusSchema,
  registeredCount: z.number().int().min(0),
  waitlistCount: z.number().int().min(0),
  myRegistration: registrationSchema.optional(),
})
export type Event = z.infer<typeof eventSchema>

/** A page of events. */
export const eventPageSchema = pageOf(eventSchema)

/** Which events a list shows by time. */
export const eventWhenSchema = z.enum(['upcoming', 'past', 'all'])
export type EventWhen = z.infer<typeof eventWhenSchema>

/** Query of `GET /events`. */
export const eventListQuerySchema = z.strictObject({
  type: eventTypeSchema.optional(),
  when: eventWhenSchema.optional().transform((v) => v ?? 'upcoming'),
  q: text(0, 50).optional(),
  /** Extension: `mine=true` keeps the caller's registered and waitlisted events (我的报名). */
  mine: z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional(),
  ...pageQueryShape,
})
export type EventListQuery = z.input<typeof eventListQuerySchema>

/** Body of `POST /events/:id/registration` (contest items only for a 技能比武). */
export const registrationBodySchema = z.strictObject({
  contestItems: z
    .array(text(1, 30), { error: '比赛项目应为列表' })
    .min(1, { error: '请至少选择一个比赛项目' })
    .max(10, { error: '最多选择 10 个比赛项目' })
    .optional(),
})
export type RegistrationBody = z.infer<typeof registrationBodySchema>
