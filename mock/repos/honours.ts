import type { HonourType } from '../../src/api/contract/honour'
import type { HonourRecord } from '../db'
import type { Tx } from './tx'

/** Honours, filtered, in the order they were given. */
export async function listHonours(tx: Tx, filter: { year?: number; type?: HonourType; recipientId?: string } = {}): Promise<HonourRecord[]> {
  return tx.state.honours.filter(
    (h) =>
      (filter.year === undefined || h.year === filter.year) &&
      (!filter.type || h.type === filter.type) &&
      (!filter.recipientId || h.recipientId === filter.recipientId),
  )
}

/** One honour by id. */
export async function findHonour(tx: Tx, id: string): Promise<HonourRecord | undefined> {
  return tx.state.honours.find((h) => h.id === id)
}

/** How many honours of a type were given for a year. */
export async function countHonours(tx: Tx, year: number, type: HonourType): Promise<number> {
  return tx.state.honours.filter((h) => h.type === type && h.year === year).length
}

/**
 * Takes the lock of one year's honours of one type until the transaction ends, so that counting
 * against a quota and adding one never interleave with another award of the same kind.
 */
export async function lockHonourQuota(_tx: Tx, _year: number, _type: HonourType): Promise<void> {}

/** Adds an honour. */
export async function insertHonour(tx: Tx, honour: HonourRecord): Promise<void> {
  tx.state.honours.push(honour)
}
