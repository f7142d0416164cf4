import { randomBytes } from 'node:crypto'
import type { AttemptRecord, ExamRecord, QuestionRecord } from './repos/exams'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import type { Attendance, EventStatus, EventType, RegistrationStatus, Venue } from '../src/api/contract/event'
import type { Role } from '../src/api/contract/auth'
import type { ExamModule } from '../src/api/contract/exam-module'
import type { CommitmentCategory, CommitmentStatus } from '../src/api/contract/commitment'
import type { HonourType } from '../src/api/contract/honour'

/** A person as stored (phones whole; masking happens on the way out). */
export type UserRecord = {
  id: string
  name: string
  role: Role
  town: string
  village?: string
  area?: string
  phone: string
  /** An organiser's scope (API.md v1.1): the towns they manage; empty = the whole city. */
  scope?: { towns: string[] }
}

/** An event as stored; instants are epoch milliseconds. */
export type EventRecord = {
  id: string
  type: EventType
  title: string
  description: string
  speaker?: string
  venue: Venue
  startAt: number
  endAt: number
  signupDeadline: number
  capacity: number
  credits: number
  audienceTowns: string[]
  contestItems?: string[]
  /** The exam modules a lecture covers (API.md v1.1), for GET /me/recommendations. */
  topics?: ExamModule[]
  status: EventStatus
  createdBy: string
  createdAt: number
  cancelReason?: string
  /** Key of the rotating check-in code (mock/checkin-code.ts); never leaves the server. */
  checkinSecret: string
}

/** One change of attendance, kept for the roster's audit trail; `by` is the organiser's user id. */
export type AuditEntry = { by: string; at: number; from: Attendance; to: Attendance; note?: string }

/** A registration as stored: one per (event, user), reused when a cancelled one signs up again. */
export type RegistrationRecord = {
  eventId: string
  userId: string
  status: RegistrationStatus
  /** Monotonic ticket: orders the waitlist (FIFO) and breaks ties. */
  seq: number
  attendance: Attendance
  checkedInAt?: number
  contestItems?: string[]
  leaveReason?: string
  createdAt: number
  audit: AuditEntry[]
}

/** A message to one user. */
export type NotificationRecord = {
  id: string
  userId: string
  kind: string
  title: string
  body: string
  link?: string
  read: boolean
  createdAt: number
}

/** One quarterly progress report of a commitment item; `reportedAt` in epoch ms. */
export type ProgressRecord = { quarter: number; percent: number; value?: number; note: string; photos: string[]; reportedAt: number }

/** An item of a commitment sheet; a draft's items may lack fields. */
export type CommitmentItemRecord = {
  id: string
  category?: CommitmentCategory
  title?: string
  target?: string
  metric?: { unit: string; targetValue: number }
  dueQuarter?: number
  progress: ProgressRecord[]
}

/** A secretary's 履职承诺 of one year (one per owner and year). */
export type CommitmentRecord = {
  id: string
  year: number
  ownerId: string
  status: CommitmentStatus
  items: CommitmentItemRecord[]
  reviewComment?: string
  reviewedBy?: string
  submittedAt?: number
  reviewedAt?: number
  createdAt: number
  updatedAt: number
}

/** A 季度拉练评比 score: one per (year, quarter, secretary). */
export type ReviewScoreRecord = { year: number; quarter: number; userId: string; score: number; comment?: string; by: string; updatedAt: number }

/** An uploaded file: its name under /uploads/ and what it is; the bytes live outside the state. */
export type UploadRecord = { name: string; mime: 'image/jpeg' | 'image/png' | 'image/webp'; bytes: number; ownerId: string; createdAt: number }

/** An honour (组织荣誉); `amount` in yuan. */
export type HonourRecord = {
  id: string
  year: number
  type: HonourType
  title: string
  recipientId: string
  citation: string
  amount?: number
  awardedAt: number
  createdBy: string
}

/** A stored successful answer for an Idempotency-Key. */
export type IdempotencyRecord = { hash: string; status: number; body: unknown; at: number }

/** Everything the mock server knows. Plain JSON so that it can be written to MOCK_DB_FILE. */
export type DbState = {
  version: 1
  users: UserRecord[]
  events: EventRecord[]
  /** Registrations per event id, in creation order. */
  registrations: Record<string, RegistrationRecord[]>
  sessions: Record<string, { userId: string; createdAt: number }>
  smsSentAt: Record<string, number>
  idempotency: Record<string, IdempotencyRecord>
  notifications: NotificationRecord[]
  commitments: CommitmentRecord[]
  reviewScores: ReviewScoreRecord[]
  uploads: UploadRecord[]
  honours: HonourRecord[]
  /** 选拔任用: the bank, exams and attempts (absent in states written before them). */
  exams?: { questions: QuestionRecord[]; exams: ExamRecord[]; attempts: AttemptRecord[] }
  counters: { seq: number; id: number }
}

/** The store: the state plus how it is saved. */
export type Db = {
  state: DbState
  /** Replaces the state (reset). */
  replace(state: DbState): void
  /** Writes the state to MOCK_DB_FILE, when set: temp file + fsync + rename, so a crash leaves the old or the new file. */
  save(): void
  /** A new unique id with a prefix. */
  nextId(prefix: string): string
  /** The next waitlist ticket. */
  nextSeq(): number
}

/** Opens the store: loads `file` when it exists (and parses), else starts from `initial()`. */
export function createDb(initial: () => DbState, file?: string): Db {
  let state = file && existsSync(file) ? load(file) : initial()
  const db: Db = {
    get state() {
      return state
    },
    replace(next) {
      state = next
      db.save()
    },
    save() {
      if (!file) return
      const tmp = `${file}.${process.pid}.tmp`
      const fd = openSync(tmp, 'w')
      try {
        writeSync(fd, JSON.stringify(state))
        fsyncSync(fd)
      } finally {
        closeSync(fd)
      }
      renameSync(tmp, file)
    },
    nextId(prefix) {
      state.counters.id += 1
      return `${prefix}${state.counters.id.toString(36)}`
    },
    nextSeq() {
      state.counters.seq += 1
      return state.counters.seq
    },
  }
  if (file && !existsSync(file)) db.save()
  return db
}

/**
 * A new event's check-in secret: 32 random bytes, seeded events too (API.md v1.1), so that nobody can
 * work out a live 签到码 from an event's id. Tests read the secret from the stored event.
 */
export function newCheckinSecret(): string {
  return randomBytes(32).toString('hex')
}

function load(file: string): DbState {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as DbState
  if (parsed?.version !== 1 || !Array.isArray(parsed.users)) {
    throw new Error(`MOCK_DB_FILE ${file} is not a 支书通 mock database (version 1); delete it to start from the seed`)
  }
  // Files written before check-in existed have events without a secret.
  for (const event of parsed.events) event.checkinSecret ??= newCheckinSecret()
  // …and files written before commitments and honours have none of them.
  parsed.commitments ??= []
  parsed.reviewScores ??= []
  parsed.uploads ??= []
  parsed.honours ??= []
  return parsed
}
