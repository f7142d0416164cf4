import type { EventRecord } from '../db'
import { eventRecord, eventRow } from '../db/rows'
import type { Tx } from './tx'

/** One event by id. */
export async function findEvent(tx: Tx, id: string): Promise<EventRecord | undefined> {
  const row = await tx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()
  return row && eventRecord(row)
}

/**
 * One event by id with its row locked (FOR UPDATE) until the transaction ends: every change of
 * seats, the waitlist or the roster takes it first, so such changes of one event never interleave.
 */
export async function lockEvent(tx: Tx, id: string): Promise<EventRecord | undefined> {
  const row = await tx.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  return row && eventRecord(row)
}

/** Events whose start lies in [from, to), or every event when no range is given, in creation order. */
export async function listEvents(tx: Tx, range?: { from: number; to: number }): Promise<EventRecord[]> {
  let query = tx.selectFrom('events').selectAll().orderBy('pos')
  if (range) query = query.where('start_at', '>=', range.from).where('start_at', '<', range.to)
  return (await query.execute()).map(eventRecord)
}

/** Adds an event. */
export async function insertEvent(tx: Tx, event: EventRecord): Promise<void> {
  await tx.insertInto('events').values(eventRow(event)).execute()
}

/** Stores the changed fields of an event loaded from this repository. */
export async function updateEvent(tx: Tx, event: EventRecord): Promise<void> {
  const { id, ...fields } = eventRow(event)
  await tx.updateTable('events').set(fields).where('id', '=', id).execute()
}
