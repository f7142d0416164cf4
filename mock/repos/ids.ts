import { sql } from 'kysely'
import type { Tx } from './tx'

/** A new unique id with a prefix (`evt-`, `ntf-`, …), from the `mock_ids` sequence in base 36. */
export async function nextId(tx: Tx, prefix: string): Promise<string> {
  const { rows } = await sql<{ v: number }>`select nextval('mock_ids')::int8 as v`.execute(tx)
  return `${prefix}${Number(rows[0].v).toString(36)}`
}

/** The next ticket of the one monotonic sequence that orders waitlists. */
export async function nextSeq(tx: Tx): Promise<number> {
  const { rows } = await sql<{ v: number }>`select nextval('mock_seq')::int8 as v`.execute(tx)
  return Number(rows[0].v)
}
