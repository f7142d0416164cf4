import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

/** One step of the schema; applied once, in order, inside one transaction with the others due. */
export type Migration = { id: string; up(db: Kysely<Database>): Promise<void> }

/**
 * The mock's schema. Instants are epoch ms (`bigint`); `pos` identity columns keep creation order
 * where the API lists "in the order they were added".
 */
export const MIGRATIONS: Migration[] = [
  {
    id: '001_initial',
    async up(db) {
      await sql`
        create table users (
          id text primary key, name text not null, role text not null check (role in ('secretary', 'organiser')),
          town text not null, village text, area text, phone text not null unique,
          pos bigint generated always as identity
        );
        create table towns (town text primary key, area text not null, villages json not null, pos int not null);
        create table events (
          id text primary key, type text not null, title text not null, description text not null, speaker text,
          venue json not null, start_at bigint not null, end_at bigint not null, signup_deadline bigint not null,
          capacity int not null, credits double precision not null, audience_towns json not null, contest_items json,
          status text not null, created_by text not null, created_at bigint not null, cancel_reason text,
          checkin_secret text not null, pos bigint generated always as identity
        );
        create index events_start on events (start_at);
        create table registrations (
          event_id text not null references events (id), user_id text not null references users (id),
          status text not null, seq bigint not null, attendance text not null, checked_in_at bigint,
          contest_items json, leave_reason text, created_at bigint not null, audit json not null default '[]',
          pos bigint generated always as identity,
          primary key (event_id, user_id)
        );
        create index registrations_user on registrations (user_id);
        create table sessions (token_hash text primary key, user_id text not null references users (id), created_at bigint not null);
        create table sms_sent (phone text primary key, at bigint not null);
        create table idempotency (slot text primary key, hash text not null, status int not null, body json, at bigint not null);
        create index idempotency_at on idempotency (at);
        create table notifications (
          id text primary key, user_id text not null references users (id), kind text not null, title text not null,
          body text not null, link text, read boolean not null default false, created_at bigint not null,
          pos bigint generated always as identity
        );
        create index notifications_user on notifications (user_id, pos);
        create table commitments (
          id text primary key, year int not null, owner_id text not null references users (id), status text not null,
          items json not null, review_comment text, reviewed_by text, submitted_at bigint, reviewed_at bigint,
          created_at bigint not null, updated_at bigint not null, pos bigint generated always as identity,
          unique (owner_id, year)
        );
        create index commitments_year on commitments (year);
        create table review_scores (
          year int not null, quarter int not null, user_id text not null references users (id), score double precision not null,
          comment text, by text not null, updated_at bigint not null, pos bigint generated always as identity,
          primary key (year, quarter, user_id)
        );
        create table uploads (
          name text primary key, mime text not null, bytes int not null, owner_id text not null, created_at bigint not null,
          pos bigint generated always as identity
        );
        create table honours (
          id text primary key, year int not null, type text not null, title text not null, recipient_id text not null references users (id),
          citation text not null, amount double precision, awarded_at bigint not null, created_by text not null,
          pos bigint generated always as identity
        );
        create index honours_year on honours (year, type);
        -- Ids (ntf-1a2b) and the waitlist ticket; gaps after a rollback are harmless.
        create sequence mock_ids;
        create sequence mock_seq;
        create table commit_guard (armed int not null);
        create function refuse_commit() returns trigger language plpgsql as $$
          begin raise exception 'commit refused (mock fault)' using errcode = 'XX001'; end $$;
        create constraint trigger commit_guard_refuses after insert on commit_guard
          deferrable initially deferred for each row execute function refuse_commit();
      `.execute(db)
    },
  },
  {
    // API.md v1.1 organiser scope: the towns an organiser manages (null for secretaries, [] = the city).
    id: '002_organiser_scope',
    async up(db) {
      await sql`alter table users add column scope_towns json`.execute(db)
    },
  },
  {
    // The attempt limits of API.md v1.1 (wrong check-in and login codes): failures and lockouts.
    id: '003_attempt_limits',
    async up(db) {
      await sql`
        create table attempts (key text not null, at bigint not null);
        create index attempts_by_key on attempts (key, at);
        create table lockouts (key text primary key, until bigint not null);
      `.execute(db)
    },
  },
  {
    // Login codes drawn per send (hashed) and the last use of each session (API.md v1.1 sessions).
    id: '004_auth_limits',
    async up(db) {
      await sql`
        create table sms_codes (phone text primary key, code_hash text not null, expires_at bigint not null);
        create table session_uses (token_hash text primary key, at bigint not null);
        create index sessions_by_user on sessions (user_id, created_at);
      `.execute(db)
    },
  },
  {
    // The audit log of organiser changes (API.md v1.1).
    id: '005_audit_log',
    async up(db) {
      await sql`
        create table audit_log (
          id text primary key, at bigint not null, by text not null, action text not null,
          entity text not null, entity_id text not null, before json, after json,
          pos bigint generated always as identity
        );
        create index audit_log_by_entity on audit_log (entity, entity_id);
      `.execute(db)
    },
  },
  {
    // 选拔任用: the question bank, exams and attempts (API.md v1.1); each row's record in `data`.
    id: '006_exams',
    async up(db) {
      await sql`
        create table questions (id text primary key, module text not null, data json not null, pos bigint generated always as identity);
        create table exams (id text primary key, status text not null, data json not null, pos bigint generated always as identity);
        create table exam_attempts (
          id text primary key, exam_id text not null references exams (id), user_id text not null references users (id),
          status text not null, data json not null, pos bigint generated always as identity
        );
        create index exam_attempts_by_exam on exam_attempts (exam_id, user_id);
      `.execute(db)
    },
  },
  {
    // Event.topics (API.md v1.1 选拔任用): the exam modules a lecture covers, for recommendations.
    id: '007_event_topics',
    async up(db) {
      await sql`alter table events add column topics json`.execute(db)
    },
  },
]

/** Applies the migrations that have not run yet, recording each in `schema_migrations`. */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  await sql`create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())`.execute(db)
  const done = new Set((await sql<{ id: string }>`select id from schema_migrations`.execute(db)).rows.map((r) => r.id))
  const due = MIGRATIONS.filter((m) => !done.has(m.id))
  if (due.length === 0) return []
  await db.transaction().execute(async (trx) => {
    // One migrator at a time, also when two servers start on one PostgreSQL database.
    await sql`select pg_advisory_xact_lock(7305001)`.execute(trx)
    const again = new Set((await sql<{ id: string }>`select id from schema_migrations`.execute(trx)).rows.map((r) => r.id))
    for (const m of due) {
      if (again.has(m.id)) continue
      await m.up(trx)
      await sql`insert into schema_migrations (id) values (${m.id})`.execute(trx)
    }
  })
  return due.map((m) => m.id)
}
