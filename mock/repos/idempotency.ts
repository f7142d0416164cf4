import { sql } from 'kysely'
import type { IdempotencyRecord } from '../db'
import type { Tx } from './tx'

/**
 * The stored answer of an Idempotency slot (caller, method, path and key), if any. Takes the
 * slot's advisory lock first, so two requests with one key run one after the other and the
 * second one finds the first one's answer.
 */
export async function findAnswer(tx: Tx, slot: string): Promise<IdempotencyRecord | undefined> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${slot}, 0))`.execute(tx)
  const row = await tx.selectFrom('idempotency').selectAll().where('slot', '=', slot).executeTakeFirst()
  return row && { hash: row.hash, status: row.status, body: row.body, at: row.at }
}

/** Stores (or replaces) the answer of a slot. */
export async function saveAnswer(tx: Tx, slot: string, record: IdempotencyRecord): Promise<void> {
  const values = { hash: record.hash, status: record.status, body: JSON.stringify(record.body ?? null), at: record.at }
  await tx
    .insertInto('idempotency')
    .values({ slot, ...values })
    .onConflict((oc) => oc.column('slot').doUpdateSet(values))
    .execute()
}

/** Forgets answers stored before `before`. */
export async function pruneAnswers(tx: Tx, before: number): Promise<void> {
  await tx.deleteFrom('idempotency').where('at', '<', before).execute()
}

/** Keeps a caller's newest `keep` answers and forgets the rest (API.md v1.1: at most 2,000 per caller). */
export async function keepNewestAnswers(tx: Tx, callerId: string, keep: number): Promise<void> {
  const prefix = `${callerId.replace(/[\\%_]/g, '\\$&')} %`
  await sql`
    delete from idempotency where slot in (
      select slot from idempotency where slot like ${prefix} order by at desc, slot desc offset ${keep}
    )`.execute(tx)
}
