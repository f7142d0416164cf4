import type { Tx } from './tx'

/** A new unique id with a prefix (`evt-`, `ntf-`, …). */
export async function nextId(tx: Tx, prefix: string): Promise<string> {
  return tx.nextId(prefix)
}

/** The next ticket of the one monotonic sequence that orders waitlists. */
export async function nextSeq(tx: Tx): Promise<number> {
  return tx.nextSeq()
}
