import { sql } from 'kysely'
import type { EventRecord, RegistrationRecord } from '../db'
import { registrationRecord, registrationRow } from '../db/rows'
import type { Tx } from './tx'
import type { Selectable } from 'kysely'
import type { RegistrationsTable } from '../db/schema'

/** The roster's filters (GET /events/:id/registrations); `attendance` is as read (a missed seat reads absent). */
export type RosterQuery = { status?: string; attendance?: string; now: number; page: number; pageSize: number }

/**
 * One page of an event's roster in one query: registered by sign-up, then the waitlist in line, then
 * cancelled; each waiting row with its place in line, and the total after the filters. A roster of
 * 10,000 registrations answers a page without reading them all. Rows of unknown users are left out.
 */
export async function rosterPage(
  tx: Tx,
  event: EventRecord,
  q: RosterQuery,
): Promise<{ rows: { record: RegistrationRecord; place?: number }[]; total: number }> {
  // As effectiveAttendance reads it: a registered seat of a finished event, never checked in nor excused.
  const missed = event.status !== 'cancelled' && q.now > event.endAt
  const { rows } = await sql<Selectable<RegistrationsTable> & { place: number | null; total: number }>`
    with ranked as (
      select r.*,
        case when r.status = 'waitlisted'
          then row_number() over (partition by r.status = 'waitlisted' order by r.seq) end as place,
        case when ${missed} and r.status = 'registered' and r.attendance = 'pending' then 'absent' else r.attendance end as read_as
      from registrations r join users u on u.id = r.user_id
      where r.event_id = ${event.id}
    )
    select ranked.*, count(*) over () as total from ranked
    where (${q.status ?? null}::text is null or status = ${q.status ?? null})
      and (${q.attendance ?? null}::text is null or read_as = ${q.attendance ?? null})
    order by case status when 'registered' then 0 when 'waitlisted' then 1 else 2 end, seq
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(tx)
  const total = rows.length ? Number(rows[0].total) : await rosterCount(tx, event.id, missed, q)
  return {
    rows: rows.map((row) => ({ record: registrationRecord(row), ...(row.place === null ? {} : { place: Number(row.place) }) })),
    total,
  }
}

// The total of a roster page past the end (no row carries it).
async function rosterCount(tx: Tx, eventId: string, missed: boolean, q: RosterQuery): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from registrations r join users u on u.id = r.user_id
    where r.event_id = ${eventId}
      and (${q.status ?? null}::text is null or r.status = ${q.status ?? null})
      and (${q.attendance ?? null}::text is null
        or (case when ${missed} and r.status = 'registered' and r.attendance = 'pending' then 'absent' else r.attendance end) = ${q.attendance ?? null})`.execute(tx)
  return Number(rows[0].n)
}

/** The registrations of an event, in creation order. */
export async function registrationsOfEvent(tx: Tx, eventId: string): Promise<RegistrationRecord[]> {
  const rows = await tx.selectFrom('registrations').selectAll().where('event_id', '=', eventId).orderBy('pos').execute()
  return rows.map(registrationRecord)
}

/** The registrations of many events at once, by event id (events without any map to []). */
export async function registrationsOfEvents(tx: Tx, eventIds: string[]): Promise<Map<string, RegistrationRecord[]>> {
  const byEvent = new Map<string, RegistrationRecord[]>(eventIds.map((id) => [id, []]))
  if (eventIds.length === 0) return byEvent
  const rows = await tx.selectFrom('registrations').selectAll().where('event_id', 'in', eventIds).orderBy('pos').execute()
  for (const row of rows) byEvent.get(row.event_id)?.push(registrationRecord(row))
  return byEvent
}

/** What an event view counts, for one viewer: seats taken, the waitlist, check-ins, and the viewer's place. */
export type EventCounts = { registered: number; waitlisted: number; checkedIn: number; myPlace?: number }

/**
 * The counts of many events in one grouped query (events without registrations count 0), and the
 * waitlist place of `viewerId` where they are waiting: a list page never reads its events' rosters.
 */
export async function countsOfEvents(tx: Tx, eventIds: string[], viewerId: string): Promise<Map<string, EventCounts>> {
  const byEvent = new Map<string, EventCounts>(eventIds.map((id) => [id, { registered: 0, waitlisted: 0, checkedIn: 0 }]))
  if (eventIds.length === 0) return byEvent
  const rows = await tx
    .selectFrom('registrations as r')
    .leftJoin('registrations as m', (join) => join.onRef('m.event_id', '=', 'r.event_id').on('m.user_id', '=', viewerId))
    .where('r.event_id', 'in', eventIds)
    .groupBy('r.event_id')
    .select((eb) => [
      'r.event_id',
      eb.fn.countAll<number>().filterWhere('r.status', '=', 'registered').filterWhere('r.attendance', '<>', 'leave').as('registered'),
      eb.fn.countAll<number>().filterWhere('r.status', '=', 'waitlisted').as('waitlisted'),
      eb.fn.countAll<number>().filterWhere('r.status', '=', 'registered').filterWhere('r.attendance', 'in', ['present', 'late']).as('checked_in'),
      eb.fn
        .countAll<number>()
        .filterWhere('r.status', '=', 'waitlisted')
        .filterWhere('m.status', '=', 'waitlisted')
        .filterWhereRef('r.seq', '<=', 'm.seq')
        .as('my_place'),
    ])
    .execute()
  for (const row of rows) {
    const counts: EventCounts = { registered: Number(row.registered), waitlisted: Number(row.waitlisted), checkedIn: Number(row.checked_in) }
    if (Number(row.my_place) > 0) counts.myPlace = Number(row.my_place)
    byEvent.set(row.event_id, counts)
  }
  return byEvent
}

/** The registrations of one user among some events, by event id. */
export async function registrationsOfUserAmong(tx: Tx, userId: string, eventIds: string[]): Promise<Map<string, RegistrationRecord>> {
  if (eventIds.length === 0) return new Map()
  const rows = await tx.selectFrom('registrations').selectAll().where('user_id', '=', userId).where('event_id', 'in', eventIds).execute()
  return new Map(rows.map((row) => [row.event_id, registrationRecord(row)]))
}

/** How many registrations of an event hold a seat (registered, not on leave), counted in the database. */
export async function countSeatHolders(tx: Tx, eventId: string): Promise<number> {
  const row = await tx
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'registered')
    .where('attendance', '<>', 'leave')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The place (1-based) of a waitlist ticket `seq` in an event's waitlist, counted in the database. */
export async function waitlistPlace(tx: Tx, eventId: string, seq: number): Promise<number> {
  const row = await tx
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .where('seq', '<=', seq)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The first `limit` of an event's waitlist, first in line first. */
export async function waitlistHead(tx: Tx, eventId: string, limit: number): Promise<RegistrationRecord[]> {
  if (limit <= 0) return []
  const rows = await tx
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('seq')
    .limit(limit)
    .execute()
  return rows.map(registrationRecord)
}

/** One user's registration of an event, if any (there is at most one per pair). */
export async function findRegistration(tx: Tx, eventId: string, userId: string): Promise<RegistrationRecord | undefined> {
  const row = await tx
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row && registrationRecord(row)
}

/** Every registration of one user, by event id. */
export async function registrationsOfUser(tx: Tx, userId: string): Promise<Map<string, RegistrationRecord>> {
  const rows = await tx.selectFrom('registrations').selectAll().where('user_id', '=', userId).orderBy('pos').execute()
  return new Map(rows.map((row) => [row.event_id, registrationRecord(row)]))
}

/** Adds a registration (the pair must not have one yet). */
export async function insertRegistration(tx: Tx, record: RegistrationRecord): Promise<void> {
  await tx.insertInto('registrations').values(registrationRow(record)).execute()
}

/** Stores a changed registration loaded from this repository. */
export async function updateRegistration(tx: Tx, record: RegistrationRecord): Promise<void> {
  const { event_id, user_id, ...fields } = registrationRow(record)
  await tx.updateTable('registrations').set(fields).where('event_id', '=', event_id).where('user_id', '=', user_id).execute()
}
