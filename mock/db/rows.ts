import type { Insertable, Selectable } from 'kysely'
import type {
  CommitmentRecord,
  EventRecord,
  HonourRecord,
  NotificationRecord,
  RegistrationRecord,
  ReviewScoreRecord,
  UploadRecord,
  UserRecord,
} from '../db'
import type { Database } from './schema'

// Records (the shapes the domain works with, mock/db.ts) to rows and back, one pair per table.
// Optional fields are absent from a record, never undefined, so answers stay byte-identical.

type Row<T extends keyof Database> = Selectable<Database[T]>
type NewRow<T extends keyof Database> = Insertable<Database[T]>

const json = (value: unknown) => JSON.stringify(value)
const opt = <K extends string, V>(key: K, value: V | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

export const userRow = (u: UserRecord): NewRow<'users'> => ({
  id: u.id,
  name: u.name,
  role: u.role,
  town: u.town,
  village: u.village ?? null,
  area: u.area ?? null,
  phone: u.phone,
  scope_towns: u.scope ? json(u.scope.towns) : null,
})
export const userRecord = (r: Row<'users'>): UserRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  town: r.town,
  ...opt('village', r.village),
  ...opt('area', r.area),
  phone: r.phone,
  ...opt('scope', r.scope_towns === null ? null : { towns: r.scope_towns }),
})

export const eventRow = (e: EventRecord): NewRow<'events'> => ({
  id: e.id,
  type: e.type,
  title: e.title,
  description: e.description,
  speaker: e.speaker ?? null,
  venue: json(e.venue),
  start_at: e.startAt,
  end_at: e.endAt,
  signup_deadline: e.signupDeadline,
  capacity: e.capacity,
  credits: e.credits,
  audience_towns: json(e.audienceTowns),
  contest_items: e.contestItems ? json(e.contestItems) : null,
  topics: e.topics ? json(e.topics) : null,
  status: e.status,
  created_by: e.createdBy,
  created_at: e.createdAt,
  cancel_reason: e.cancelReason ?? null,
  checkin_secret: e.checkinSecret,
})
export const eventRecord = (r: Row<'events'>): EventRecord => ({
  id: r.id,
  type: r.type as EventRecord['type'],
  title: r.title,
  description: r.description,
  ...opt('speaker', r.speaker),
  venue: r.venue,
  startAt: r.start_at,
  endAt: r.end_at,
  signupDeadline: r.signup_deadline,
  capacity: r.capacity,
  credits: r.credits,
  audienceTowns: r.audience_towns,
  ...opt('contestItems', r.contest_items),
  ...opt('topics', r.topics as EventRecord['topics'] | null),
  status: r.status as EventRecord['status'],
  createdBy: r.created_by,
  createdAt: r.created_at,
  ...opt('cancelReason', r.cancel_reason),
  checkinSecret: r.checkin_secret,
})

export const registrationRow = (g: RegistrationRecord): NewRow<'registrations'> => ({
  event_id: g.eventId,
  user_id: g.userId,
  status: g.status,
  seq: g.seq,
  attendance: g.attendance,
  checked_in_at: g.checkedInAt ?? null,
  contest_items: g.contestItems ? json(g.contestItems) : null,
  leave_reason: g.leaveReason ?? null,
  created_at: g.createdAt,
  audit: json(g.audit),
})
export const registrationRecord = (r: Row<'registrations'>): RegistrationRecord => ({
  eventId: r.event_id,
  userId: r.user_id,
  status: r.status as RegistrationRecord['status'],
  seq: r.seq,
  attendance: r.attendance as RegistrationRecord['attendance'],
  ...opt('checkedInAt', r.checked_in_at),
  ...opt('contestItems', r.contest_items),
  ...opt('leaveReason', r.leave_reason),
  createdAt: r.created_at,
  audit: r.audit as RegistrationRecord['audit'],
})

export const notificationRow = (n: NotificationRecord): NewRow<'notifications'> => ({
  id: n.id,
  user_id: n.userId,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link ?? null,
  read: n.read,
  created_at: n.createdAt,
})
export const notificationRecord = (r: Row<'notifications'>): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  ...opt('link', r.link),
  read: r.read,
  createdAt: r.created_at,
})

export const commitmentRow = (c: CommitmentRecord): NewRow<'commitments'> => ({
  id: c.id,
  year: c.year,
  owner_id: c.ownerId,
  status: c.status,
  items: json(c.items),
  review_comment: c.reviewComment ?? null,
  reviewed_by: c.reviewedBy ?? null,
  submitted_at: c.submittedAt ?? null,
  reviewed_at: c.reviewedAt ?? null,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
})
export const commitmentRecord = (r: Row<'commitments'>): CommitmentRecord => ({
  id: r.id,
  year: r.year,
  ownerId: r.owner_id,
  status: r.status as CommitmentRecord['status'],
  items: r.items as CommitmentRecord['items'],
  ...opt('reviewComment', r.review_comment),
  ...opt('reviewedBy', r.reviewed_by),
  ...opt('submittedAt', r.submitted_at),
  ...opt('reviewedAt', r.reviewed_at),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export const reviewScoreRow = (s: ReviewScoreRecord): NewRow<'review_scores'> => ({
  year: s.year,
  quarter: s.quarter,
  user_id: s.userId,
  score: s.score,
  comment: s.comment ?? null,
  by: s.by,
  updated_at: s.updatedAt,
})
export const reviewScoreRecord = (r: Row<'review_scores'>): ReviewScoreRecord => ({
  year: r.year,
  quarter: r.quarter,
  userId: r.user_id,
  score: r.score,
  ...opt('comment', r.comment),
  by: r.by,
  updatedAt: r.updated_at,
})

export const uploadRow = (u: UploadRecord): NewRow<'uploads'> => ({
  name: u.name,
  mime: u.mime,
  bytes: u.bytes,
  owner_id: u.ownerId,
  created_at: u.createdAt,
})
export const uploadRecord = (r: Row<'uploads'>): UploadRecord => ({
  name: r.name,
  mime: r.mime as UploadRecord['mime'],
  bytes: r.bytes,
  ownerId: r.owner_id,
  createdAt: r.created_at,
})

export const honourRow = (h: HonourRecord): NewRow<'honours'> => ({
  id: h.id,
  year: h.year,
  type: h.type,
  title: h.title,
  recipient_id: h.recipientId,
  citation: h.citation,
  amount: h.amount ?? null,
  awarded_at: h.awardedAt,
  created_by: h.createdBy,
})
export const honourRecord = (r: Row<'honours'>): HonourRecord => ({
  id: r.id,
  year: r.year,
  type: r.type as HonourRecord['type'],
  title: r.title,
  recipientId: r.recipient_id,
  citation: r.citation,
  ...opt('amount', r.amount),
  awardedAt: r.awarded_at,
  createdBy: r.created_by,
})
