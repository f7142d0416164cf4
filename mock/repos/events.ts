import type { EventRecord } from '../db'
import type { Tx } from './tx'

/** One event by id. */
export async function findEvent(tx: Tx, id: string): Promise<EventRecord | undefined> {
  return tx.state.events.find((e) => e.id === id)
}

/** One event by id, locked for the rest of the transaction (capacity, waitlist and roster changes). */
export async function lockEvent(tx: Tx, id: string): Promise<EventRecord | undefined> {
  return findEvent(tx, id)
}

/** Events whose start lies in [from, to), or every event when no range is given. */
export async function listEvents(tx: Tx, range?: { from: number; to: number }): Promise<EventRecord[]> {
  if (!range) return [...tx.state.events]
  return tx.state.events.filter((e) => e.startAt >= range.from && e.startAt < range.to)
}

/** Adds an event. */
export async function insertEvent(tx: Tx, event: EventRecord): Promise<void> {
  tx.state.events.push(event)
}

/** Stores the changed fields of an event loaded from this repository. */
export async function updateEvent(tx: Tx, event: EventRecord): Promise<void> {
  const i = tx.state.events.findIndex((e) => e.id === event.id)
  if (i >= 0) tx.state.events[i] = event
}
