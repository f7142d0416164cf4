import { sql } from 'kysely'
import type { HonourType } from '../../src/api/contract/honour'
import type { HonourRecord } from '../db'
import { honourRecord, honourRow } from '../db/rows'
import type { Tx } from './tx'

/** Honours, filtered, in the order they were given. */
export async function listHonours(tx: Tx, filter: { year?: number; type?: HonourType; recipientId?: string } = {}): Promise<HonourRecord[]> {
  let query = tx.selectFrom('honours').selectAll().orderBy('pos')
  if (filter.year !== undefined) query = query.where('year', '=', filter.year)
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.recipientId) query = query.where('recipient_id', '=', filter.recipientId)
  return (await query.execute()).map(honourRecord)
}

/** One honour by id. */
export async function findHonour(tx: Tx, id: string): Promise<HonourRecord | undefined> {
  const row = await tx.selectFrom('honours').selectAll().where('id', '=', id).executeTakeFirst()
  return row && honourRecord(row)
}

/** How many honours of a type were given for a year. */
export async function countHonours(tx: Tx, year: number, type: HonourType): Promise<number> {
  const row = await tx
    .selectFrom('honours')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('year', '=', year)
    .where('type', '=', type)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Takes the lock of one year's honours of one type until the transaction ends (an advisory lock),
 * so that counting against a quota and adding one never interleave with another award of the same kind.
 */
export async function lockHonourQuota(tx: Tx, year: number, type: HonourType): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`honour-quota:${year}:${type}`}, 0))`.execute(tx)
}

/** Adds an honour. */
export async function insertHonour(tx: Tx, honour: HonourRecord): Promise<void> {
  await tx.insertInto('honours').values(honourRow(honour)).execute()
}
