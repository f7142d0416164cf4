import { createHash } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { DbState } from '../db'
import { TOWNS } from '../seed'
import {
  commitmentRecord,
  commitmentRow,
  eventRecord,
  eventRow,
  honourRecord,
  honourRow,
  notificationRecord,
  notificationRow,
  registrationRecord,
  registrationRow,
  reviewScoreRecord,
  reviewScoreRow,
  uploadRecord,
  uploadRow,
  userRecord,
  userRow,
} from './rows'
import type { Database } from './schema'

type Db = Kysely<Database> | Transaction<Database>

/** The tables that hold data, children first (the order to empty them in). */
const TABLES = [
  'sessions',
  'sms_sent',
  'idempotency',
  'notifications',
  'registrations',
  'commitments',
  'review_scores',
  'uploads',
  'honours',
  'events',
  'users',
  'towns',
  'commit_guard',
] as const

/** What a session row is keyed by: the token itself is never stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Empties every table and restarts the id sequences. */
export async function clearAll(db: Db): Promise<void> {
  await sql`truncate ${sql.join(TABLES.map((t) => sql.table(t)))} restart identity`.execute(db)
}

/** Whether the database holds no people yet (a fresh database, to be seeded). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  return row === undefined
}

async function insertMany<T extends keyof Database>(db: Db, table: T, rows: unknown[]): Promise<void> {
  // Chunks keep each statement well below PostgreSQL's 65,535 parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute()
  }
}

/** Writes a whole state (the seed) into empty tables, and sets the sequences after its counters. */
export async function writeState(db: Db, state: DbState): Promise<void> {
  await insertMany(db, 'towns', TOWNS.map((t, pos) => ({ town: t.town, area: t.area, villages: JSON.stringify(t.villages), pos })))
  await insertMany(db, 'users', state.users.map(userRow))
  await insertMany(db, 'events', state.events.map(eventRow))
  await insertMany(db, 'registrations', Object.values(state.registrations).flat().map(registrationRow))
  await insertMany(
    db,
    'sessions',
    Object.entries(state.sessions).map(([token, s]) => ({ token_hash: tokenHash(token), user_id: s.userId, created_at: s.createdAt })),
  )
  await insertMany(db, 'sms_sent', Object.entries(state.smsSentAt).map(([phone, at]) => ({ phone, at })))
  await insertMany(
    db,
    'idempotency',
    Object.entries(state.idempotency).map(([slot, r]) => ({ slot, hash: r.hash, status: r.status, body: JSON.stringify(r.body ?? null), at: r.at })),
  )
  await insertMany(db, 'notifications', state.notifications.map(notificationRow))
  await insertMany(db, 'commitments', state.commitments.map(commitmentRow))
  await insertMany(db, 'review_scores', state.reviewScores.map(reviewScoreRow))
  await insertMany(db, 'uploads', state.uploads.map(uploadRow))
  await insertMany(db, 'honours', state.honours.map(honourRow))
  await sql`select setval('mock_ids', ${Math.max(1, state.counters.id)}), setval('mock_seq', ${Math.max(1, state.counters.seq)})`.execute(db)
}

/**
 * Everything stored, as one state object in creation order (for tests that compare before and
 * after, and for looking at a database by hand). Sessions are keyed by their token's hash.
 */
export async function readState(db: Db): Promise<DbState> {
  const byPos = (table: Exclude<(typeof TABLES)[number], 'sessions' | 'sms_sent' | 'idempotency' | 'towns' | 'commit_guard'>) =>
    sql<never>`select * from ${sql.table(table)} order by pos`.execute(db).then((r) => r.rows)
  const [users, events, regs, sessions, sms, idem, notes, sheets, scores, uploads, honours, counters] = await Promise.all([
    byPos('users'),
    byPos('events'),
    byPos('registrations'),
    db.selectFrom('sessions').selectAll().orderBy('token_hash').execute(),
    db.selectFrom('sms_sent').selectAll().orderBy('phone').execute(),
    db.selectFrom('idempotency').selectAll().orderBy('slot').execute(),
    byPos('notifications'),
    byPos('commitments'),
    byPos('review_scores'),
    byPos('uploads'),
    byPos('honours'),
    sql<{ id: number; seq: number }>`select (select last_value from mock_ids) as id, (select last_value from mock_seq) as seq`.execute(db),
  ])
  const registrations: DbState['registrations'] = {}
  for (const r of regs.map(registrationRecord)) (registrations[r.eventId] ??= []).push(r)
  return {
    version: 1,
    users: users.map(userRecord),
    events: events.map(eventRecord),
    registrations,
    sessions: Object.fromEntries(sessions.map((s) => [s.token_hash, { userId: s.user_id, createdAt: s.created_at }])),
    smsSentAt: Object.fromEntries(sms.map((s) => [s.phone, s.at])),
    idempotency: Object.fromEntries(idem.map((r) => [r.slot, { hash: r.hash, status: r.status, body: r.body, at: r.at }])),
    notifications: notes.map(notificationRecord),
    commitments: sheets.map(commitmentRecord),
    reviewScores: scores.map(reviewScoreRecord),
    uploads: uploads.map(uploadRecord),
    honours: honours.map(honourRecord),
    counters: { id: Number(counters.rows[0].id), seq: Number(counters.rows[0].seq) },
  }
}
