import type { IdempotencyRecord } from '../db'
import type { Tx } from './tx'

/** The stored answer of an Idempotency slot (caller, method, path and key), if any. */
export async function findAnswer(tx: Tx, slot: string): Promise<IdempotencyRecord | undefined> {
  return tx.state.idempotency[slot]
}

/** Stores (or replaces) the answer of a slot. */
export async function saveAnswer(tx: Tx, slot: string, record: IdempotencyRecord): Promise<void> {
  tx.state.idempotency[slot] = record
}

/** Forgets answers stored before `before`. */
export async function pruneAnswers(tx: Tx, before: number): Promise<void> {
  for (const [slot, rec] of Object.entries(tx.state.idempotency)) {
    if (rec.at < before) delete tx.state.idempotency[slot]
  }
}
