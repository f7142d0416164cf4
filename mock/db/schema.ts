import type { ColumnType, Generated } from 'kysely'

// The tables of mock/db/migrations.ts as Kysely sees them. Instants are epoch milliseconds in
// `bigint` columns (read back as numbers by the engine's int8 parser); nested values that are
// always read and written whole (a venue, an item list, an audit trail) are `json`, which keeps
// their key order, so a replayed answer is the same bytes.

type Json<T> = ColumnType<T, string, string>
/** An identity column: filled by the database, only ever read. */
type Position = Generated<number>

export type UsersTable = {
  id: string
  name: string
  role: 'secretary' | 'organiser'
  town: string
  village: string | null
  area: string | null
  phone: string
  /** JSON array of town names (organisers only; `[]` = the whole city). */
  scope_towns: Json<string[]> | null
  pos: Position
}

export type TownsTable = { town: string; area: string; villages: Json<string[]>; pos: number }

export type EventsTable = {
  id: string
  type: string
  title: string
  description: string
  speaker: string | null
  venue: Json<{ name: string; address: string; lat?: number; lng?: number }>
  start_at: number
  end_at: number
  signup_deadline: number
  capacity: number
  credits: number
  audience_towns: Json<string[]>
  contest_items: Json<string[]> | null
  topics: Json<string[]> | null
  status: string
  created_by: string
  created_at: number
  cancel_reason: string | null
  checkin_secret: string
  pos: Position
}

export type RegistrationsTable = {
  event_id: string
  user_id: string
  status: string
  seq: number
  attendance: string
  checked_in_at: number | null
  contest_items: Json<string[]> | null
  leave_reason: string | null
  created_at: number
  audit: Json<unknown[]>
  pos: Position
}

export type SessionsTable = { token_hash: string; user_id: string; created_at: number }
export type SmsSentTable = { phone: string; at: number }
export type IdempotencyTable = { slot: string; hash: string; status: number; body: Json<unknown>; at: number }

export type NotificationsTable = {
  id: string
  user_id: string
  kind: string
  title: string
  body: string
  link: string | null
  read: boolean
  created_at: number
  pos: Position
}

export type CommitmentsTable = {
  id: string
  year: number
  owner_id: string
  status: string
  items: Json<unknown[]>
  review_comment: string | null
  reviewed_by: string | null
  submitted_at: number | null
  reviewed_at: number | null
  created_at: number
  updated_at: number
  pos: Position
}

export type ReviewScoresTable = {
  year: number
  quarter: number
  user_id: string
  score: number
  comment: string | null
  by: string
  updated_at: number
  pos: Position
}

export type UploadsTable = { name: string; mime: string; bytes: number; owner_id: string; created_at: number; pos: Position }

export type HonoursTable = {
  id: string
  year: number
  type: string
  title: string
  recipient_id: string
  citation: string
  amount: number | null
  awarded_at: number
  created_by: string
  pos: Position
}

/** One organiser change (API.md v1.1 audit log). */
export type AuditLogTable = {
  id: string
  at: number
  by: string
  action: string
  entity: string
  entity_id: string
  before: Json<unknown> | null
  after: Json<unknown> | null
  pos: Position
}

/** 选拔任用 (API.md v1.1): the bank, exams and attempts, each kept as its record in `data`. */
export type QuestionsTable = { id: string; module: string; data: Json<unknown>; pos: Position }
export type ExamsTable = { id: string; status: string; data: Json<unknown>; pos: Position }
export type AttemptsTableOfExams = { id: string; exam_id: string; user_id: string; status: string; data: Json<unknown>; pos: Position }

/** A failed attempt under a limit (API.md v1.1): `key` names the limit and who it is about. */
export type AttemptsTable = { key: string; at: number }
/** A limit that has been reached: `key` is refused until `until`. */
export type LockoutsTable = { key: string; until: number }

/** The login code last texted to a phone, hashed, until it expires or is used (API.md v1.1). */
export type SmsCodesTable = { phone: string; code_hash: string; expires_at: number }
/** When a session was last used (its 30-day idle expiry counts from here). */
export type SessionUsesTable = { token_hash: string; at: number }

/** A deferred trigger on this table refuses the commit of a transaction that wrote to it (test faults). */
export type CommitGuardTable = { armed: number }

/** Every table of the mock's schema. */
export type Database = {
  users: UsersTable
  towns: TownsTable
  events: EventsTable
  registrations: RegistrationsTable
  sessions: SessionsTable
  sms_sent: SmsSentTable
  idempotency: IdempotencyTable
  notifications: NotificationsTable
  commitments: CommitmentsTable
  review_scores: ReviewScoresTable
  uploads: UploadsTable
  honours: HonoursTable
  commit_guard: CommitGuardTable
  attempts: AttemptsTable
  lockouts: LockoutsTable
  audit_log: AuditLogTable
  questions: QuestionsTable
  exams: ExamsTable
  exam_attempts: AttemptsTableOfExams
  sms_codes: SmsCodesTable
  session_uses: SessionUsesTable
}
