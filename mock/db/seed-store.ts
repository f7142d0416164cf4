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
import type { AttemptRecord, ExamRecord, QuestionRecord } from '../repos/exams'

type Db = Kysely<Database> | Transaction<Database>

/** The tables that hold data, children first (the order to empty them in). */
const TABLES = [
  'exam_attempts',
  'exams',
  'questions',
  'audit_log',
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
  'attempts',
  'lockouts',
  'sms_codes',
  'session_uses',
] as const

/**
 * Bookkeeping of the trust rules (attempt counts, locks, login codes, the last use of sessions):
 * emptied with everything else, but neither data of a snapshot nor part of readState or the
 * fingerprint (a refused attempt or a read changes no data, yet it is counted).
 */
const LIMIT_TABLES = ['attempts', 'lockouts', 'sms_codes', 'session_uses'] as const

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

/**
 * Writes a whole state (the seed) into empty tables, and sets the sequences after its counters.
 * Sessions are keyed by token, or, for a state read back with readState, by the token's hash.
 */
export async function writeState(db: Db, state: DbState, options: { sessionKeys?: 'token' | 'hash' } = {}): Promise<void> {
  const key = options.sessionKeys === 'hash' ? (hash: string) => hash : tokenHash
  await insertMany(db, 'towns', TOWNS.map((t, pos) => ({ town: t.town, area: t.area, villages: JSON.stringify(t.villages), pos })))
  await insertMany(db, 'users', state.users.map(userRow))
  await insertMany(db, 'events', state.events.map(eventRow))
  await insertMany(db, 'registrations', Object.values(state.registrations).flat().map(registrationRow))
  await insertMany(
    db,
    'sessions',
    Object.entries(state.sessions).map(([token, s]) => ({ token_hash: key(token), user_id: s.userId, created_at: s.createdAt })),
  )
  await insertMany(db, 'sms_sent', Object.entries(state.smsSentAt).map(([phone, at]) => ({ phone, at })))
  if (state.exams) {
    const { questions, exams, attempts } = state.exams
    await insertMany(db, 'questions', questions.map((q) => ({ id: q.id, module: q.module, data: JSON.stringify(q) })))
    await insertMany(db, 'exams', exams.map((e) => ({ id: e.id, status: e.status, data: JSON.stringify(e) })))
    await insertMany(
      db,
      'exam_attempts',
      attempts.map((a) => ({ id: a.id, exam_id: a.examId, user_id: a.userId, status: a.status, data: JSON.stringify(a) })),
    )
  }
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
  const byPos = (table: (typeof POS_TABLES)[number]) =>
    sql<never>`select * from ${sql.table(table)} order by pos`.execute(db).then((r) => r.rows)
  const [users, events, regs, sessions, sms, idem, notes, sheets, scores, uploads, honours, questions, exams, attempts, counters] = await Promise.all([
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
    byPos('questions'),
    byPos('exams'),
    byPos('exam_attempts'),
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
    exams: {
      questions: questions.map((r: { data: QuestionRecord }) => r.data),
      exams: exams.map((r: { data: ExamRecord }) => r.data),
      attempts: attempts.map((r: { data: AttemptRecord }) => r.data),
    },
    counters: { id: Number(counters.rows[0].id), seq: Number(counters.rows[0].seq) },
  }
}

/** The tables a snapshot copies: every data table (the commit guard is a fault switch, not data). */
const DATA_TABLES = TABLES.filter(
  (t): t is Exclude<(typeof TABLES)[number], 'commit_guard' | (typeof LIMIT_TABLES)[number]> =>
    t !== 'commit_guard' && !(LIMIT_TABLES as readonly string[]).includes(t),
)
/** Tables whose `pos` identity column keeps creation order (and must carry on after a restore). */
const POS_TABLES = ['users', 'events', 'registrations', 'notifications', 'commitments', 'review_scores', 'uploads', 'honours', 'audit_log', 'questions', 'exams', 'exam_attempts'] as const
/** How the rows of a table are put in a stable order for a fingerprint. */
const ORDER: Record<(typeof DATA_TABLES)[number], string> = {
  sessions: 'token_hash',
  sms_sent: 'phone',
  idempotency: 'slot',
  towns: 'pos',
  ...Object.fromEntries(POS_TABLES.map((t) => [t, 'pos'])),
} as Record<(typeof DATA_TABLES)[number], string>

/**
 * One digest of everything stored, computed in the database: the rows of every table in order and
 * the two id sequences. Equal digests mean the same data. A row's `pos` is part of it, which
 * restoreSnapshot keeps; writeState renumbers it, so compare digests of one lineage only.
 */
export async function fingerprint(db: Db): Promise<string> {
  const parts = DATA_TABLES.map(
    (t) =>
      sql`coalesce((select string_agg(r::text, ',' order by r.${sql.ref(ORDER[t])}) from ${sql.table(t)} r), '')`,
  )
  const { rows } = await sql<{ digest: string }>`
    select md5(concat_ws('|', ${sql.join(parts)}, (select last_value from mock_ids), (select last_value from mock_seq))) as digest
  `.execute(db)
  return rows[0].digest
}

const snapshotSchema = (name: string): string => {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error(`bad snapshot name: ${name}`)
  return `snapshot_${name}`
}

/**
 * Copies every data table and both id sequences into a schema of their own, replacing an older copy
 * of that name (`replace` also recreates its tables, for a copy that may predate a migration). Rows
 * are deleted and inserted rather than tables dropped and truncated: for the mock's few thousand
 * rows that is several times faster, on PGlite above all.
 */
export async function saveSnapshot(db: Db, name: string, options: { replace?: boolean } = {}): Promise<void> {
  const schema = snapshotSchema(name)
  // A copy left by an earlier run may have been taken under an older schema: start it over.
  if (options.replace) await sql.raw(`drop schema if exists ${schema} cascade`).execute(db)
  const exists = await sql<{ n: number }>`select count(*)::int as n from information_schema.schemata where schema_name = ${schema}`.execute(db)
  if (exists.rows[0].n === 0) {
    const creates = DATA_TABLES.map((t) => `create table ${schema}.${t} (like public.${t});`).join('\n')
    await sql.raw(`create schema ${schema}; ${creates} create table ${schema}.sequences (ids bigint not null, seq bigint not null);`).execute(db)
  }
  const copies = [...DATA_TABLES, 'sequences']
    .map((t) => `delete from ${schema}.${t};`)
    .concat(DATA_TABLES.map((t) => `insert into ${schema}.${t} select * from public.${t};`))
    .join('\n')
  await sql
    .raw(`${copies} insert into ${schema}.sequences select (select last_value from mock_ids), (select last_value from mock_seq);`)
    .execute(db)
}

/**
 * Puts back exactly what saveSnapshot copied, `pos` included, and sets the id and identity
 * sequences so that new rows still come after the restored ones.
 */
export async function restoreSnapshot(db: Db, name: string): Promise<void> {
  const schema = snapshotSchema(name)
  const inserts = [...DATA_TABLES]
    .reverse()
    .map((t) => {
      const overriding = (POS_TABLES as readonly string[]).includes(t) ? 'overriding system value' : ''
      return `insert into public.${t} ${overriding} select * from ${schema}.${t};`
    })
    .join('\n')
  const identities = POS_TABLES.map(
    (t) => `select setval(pg_get_serial_sequence('public.${t}', 'pos'), coalesce((select max(pos) from public.${t}), 0) + 1, false);`,
  ).join('\n')
  await sql
    .raw(
      `set local session_replication_role = replica;
       ${[...DATA_TABLES, ...LIMIT_TABLES].map((t) => `delete from public.${t};`).join('\n')}
       ${inserts}
       ${identities}
       select setval('mock_ids', ids), setval('mock_seq', seq) from ${schema}.sequences;
       set local session_replication_role = origin;`,
    )
    .execute(db)
}
