import type { CommitmentStatus } from '../../src/api/contract/commitment'
import type { CommitmentRecord } from '../db'
import type { Tx } from './tx'

/** One sheet (with its items and their progress) by id. */
export async function findCommitment(tx: Tx, id: string): Promise<CommitmentRecord | undefined> {
  return tx.state.commitments.find((c) => c.id === id)
}

/** A secretary's sheet of a year, if any (there is at most one per owner and year). */
export async function commitmentOf(tx: Tx, ownerId: string, year: number): Promise<CommitmentRecord | undefined> {
  return tx.state.commitments.find((c) => c.ownerId === ownerId && c.year === year)
}

/**
 * A secretary's sheet of a year, locked for the rest of the transaction: every change of a sheet
 * (save, submit, progress, review) takes it first, so that two first saves never create two sheets
 * and two reviews never both decide. In SQL: the row FOR UPDATE plus an advisory lock on
 * (owner, year), which also holds while there is no sheet yet.
 */
export async function lockCommitment(tx: Tx, ownerId: string, year: number): Promise<CommitmentRecord | undefined> {
  return commitmentOf(tx, ownerId, year)
}

/**
 * The sheets of a year, in the order they were created; `status` and `town` (the owner's town, a
 * join on users) narrow them.
 */
export async function listCommitments(
  tx: Tx,
  filter: { year: number; status?: CommitmentStatus; town?: string },
): Promise<CommitmentRecord[]> {
  const { year, status, town } = filter
  const townOf = town ? new Map(tx.state.users.map((u) => [u.id, u.town])) : undefined
  return tx.state.commitments.filter(
    (c) => c.year === year && (!status || c.status === status) && (!townOf || townOf.get(c.ownerId) === town),
  )
}

/** The sheets of a year by owner id, for views over many secretaries (the year's ranking). */
export async function commitmentsOfYear(tx: Tx, year: number): Promise<Map<string, CommitmentRecord>> {
  const byOwner = new Map<string, CommitmentRecord>()
  for (const c of tx.state.commitments) if (c.year === year && !byOwner.has(c.ownerId)) byOwner.set(c.ownerId, c)
  return byOwner
}

/** Adds a sheet (its owner must not have one of the year yet: take lockCommitment first). */
export async function insertCommitment(tx: Tx, record: CommitmentRecord): Promise<void> {
  tx.state.commitments.push(record)
}

/** Stores a changed sheet loaded from this repository, with its items and their progress. */
export async function updateCommitment(tx: Tx, record: CommitmentRecord): Promise<void> {
  const i = tx.state.commitments.findIndex((c) => c.id === record.id)
  if (i >= 0) tx.state.commitments[i] = record
}
