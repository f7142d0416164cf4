import type { RegistrationRecord } from '../db'
import type { Tx } from './tx'

/** The registrations of an event, in creation order. */
export async function registrationsOfEvent(tx: Tx, eventId: string): Promise<RegistrationRecord[]> {
  return [...(tx.state.registrations[eventId] ?? [])]
}

/** The registrations of many events at once, by event id (events without any map to []). */
export async function registrationsOfEvents(tx: Tx, eventIds: string[]): Promise<Map<string, RegistrationRecord[]>> {
  return new Map(eventIds.map((id) => [id, [...(tx.state.registrations[id] ?? [])]]))
}

/** One user's registration of an event, if any (there is at most one per pair). */
export async function findRegistration(tx: Tx, eventId: string, userId: string): Promise<RegistrationRecord | undefined> {
  return (tx.state.registrations[eventId] ?? []).find((r) => r.userId === userId)
}

/** Every registration of one user, by event id. */
export async function registrationsOfUser(tx: Tx, userId: string): Promise<Map<string, RegistrationRecord>> {
  const mine = new Map<string, RegistrationRecord>()
  for (const [eventId, list] of Object.entries(tx.state.registrations)) {
    const r = list.find((x) => x.userId === userId)
    if (r) mine.set(eventId, r)
  }
  return mine
}

/** Adds a registration (the pair must not have one yet). */
export async function insertRegistration(tx: Tx, record: RegistrationRecord): Promise<void> {
  ;(tx.state.registrations[record.eventId] ??= []).push(record)
}

/** Stores a changed registration loaded from this repository. */
export async function updateRegistration(tx: Tx, record: RegistrationRecord): Promise<void> {
  const list = tx.state.registrations[record.eventId] ?? []
  const i = list.findIndex((r) => r.userId === record.userId)
  if (i >= 0) list[i] = record
}
