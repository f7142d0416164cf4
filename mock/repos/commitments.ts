import { sql } from 'kysely'
import type { CommitmentStatus } from '../../src/api/contract/commitment'
import type { CommitmentRecord } from '../db'
import { commitmentRecord, commitmentRow } from '../db/rows'
import type { Tx } from './tx'

/** One sheet (with its items and their progress) by id. */
export async function findCommitment(tx: Tx, id: string): Promise<CommitmentRecord | undefined> {
  const row = await tx.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst()
  return row && commitmentRecord(row)
}

/** A secretary's sheet of a year, if any (there is at most one per owner and year). */
export async function commitmentOf(tx: Tx, ownerId: string, year: number): Promise<CommitmentRecord | undefined> {
  const row = await tx.selectFrom('commitments').selectAll().where('owner_id', '=', ownerId).where('year', '=', year).executeTakeFirst()
  return row && commitmentRecord(row)
}

/**
 * A secretary's sheet of a year, locked for the rest of the transaction: every change of a sheet
 * (save, submit, progress, review) takes it first, so that two first saves never create two sheets
 * and two reviews never both decide. The row FOR UPDATE, after an advisory lock on (owner, year)
 * that also holds while there is no sheet yet.
 */
export async function lockCommitment(tx: Tx, ownerId: string, year: number): Promise<CommitmentRecord | undefined> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`commitment:${ownerId}:${year}`}, 0))`.execute(tx)
  const row = await tx
    .selectFrom('commitments')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst()
  return row && commitmentRecord(row)
}

/**
 * The sheets of a year, in the order they were created; `status` and `towns` (the owner's town, a
 * join on users; empty: none) narrow them.
 */
export async function listCommitments(
  tx: Tx,
  filter: { year: number; status?: CommitmentStatus; towns?: readonly string[] },
): Promise<CommitmentRecord[]> {
  if (filter.towns && filter.towns.length === 0) return []
  let query = tx.selectFrom('commitments').selectAll('commitments').where('commitments.year', '=', filter.year).orderBy('commitments.pos')
  if (filter.status) query = query.where('commitments.status', '=', filter.status)
  if (filter.towns) {
    const towns = [...filter.towns]
    query = query.where('commitments.owner_id', 'in', (sub) => sub.selectFrom('users').select('users.id').where('users.town', 'in', towns))
  }
  return (await query.execute()).map(commitmentRecord)
}

/** The sheets of a year by owner id, for views over many secretaries (the year's ranking). */
export async function commitmentsOfYear(tx: Tx, year: number): Promise<Map<string, CommitmentRecord>> {
  const rows = await tx.selectFrom('commitments').selectAll().where('year', '=', year).orderBy('pos').execute()
  const byOwner = new Map<string, CommitmentRecord>()
  for (const row of rows) if (!byOwner.has(row.owner_id)) byOwner.set(row.owner_id, commitmentRecord(row))
  return byOwner
}

/** Adds a sheet (its owner must not have one of the year yet: take lockCommitment first). */
export async function insertCommitment(tx: Tx, record: CommitmentRecord): Promise<void> {
  await tx.insertInto('commitments').values(commitmentRow(record)).execute()
}

/** Stores a changed sheet loaded from this repository, with its items and their progress. */
export async function updateCommitment(tx: Tx, record: CommitmentRecord): Promise<void> {
  const { id, ...fields } = commitmentRow(record)
  await tx.updateTable('commitments').set(fields).where('id', '=', id).execute()
}
