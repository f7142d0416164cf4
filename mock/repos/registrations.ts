import type { RegistrationRecord } from '../db'
import { registrationRecord, registrationRow } from '../db/rows'
import type { Tx } from './tx'

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
