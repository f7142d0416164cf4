import { sql } from 'kysely'
import type { ReviewScoreRecord } from '../db'
import { reviewScoreRecord, reviewScoreRow } from '../db/rows'
import type { Tx } from './tx'

/** The score of one secretary for one quarter, if entered (there is at most one per year, quarter and secretary). */
export async function reviewScoreOf(tx: Tx, year: number, quarter: number, userId: string): Promise<ReviewScoreRecord | undefined> {
  const row = await tx
    .selectFrom('review_scores')
    .selectAll()
    .where('year', '=', year)
    .where('quarter', '=', quarter)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row && reviewScoreRecord(row)
}

/**
 * The score of one (year, quarter, secretary), locked for the rest of the transaction, so that two
 * entries of the same score decide one after the other and never insert two rows: the row FOR
 * UPDATE, after an advisory lock on the key that also holds while there is no row yet.
 */
export async function lockReviewScore(tx: Tx, year: number, quarter: number, userId: string): Promise<ReviewScoreRecord | undefined> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`review:${year}:${quarter}:${userId}`}, 0))`.execute(tx)
  const row = await tx
    .selectFrom('review_scores')
    .selectAll()
    .where('year', '=', year)
    .where('quarter', '=', quarter)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst()
  return row && reviewScoreRecord(row)
}

/** The scores of one quarter of the given secretaries, by user id (those without a score are left out). */
export async function quarterScoresOf(
  tx: Tx,
  year: number,
  quarter: number,
  userIds: Iterable<string>,
): Promise<Map<string, ReviewScoreRecord>> {
  const wanted = [...new Set(userIds)]
  const found = new Map<string, ReviewScoreRecord>()
  if (wanted.length === 0) return found
  const rows = await tx
    .selectFrom('review_scores')
    .selectAll()
    .where('year', '=', year)
    .where('quarter', '=', quarter)
    .where('user_id', 'in', wanted)
    .orderBy('pos')
    .execute()
  for (const row of rows) if (!found.has(row.user_id)) found.set(row.user_id, reviewScoreRecord(row))
  return found
}

/** One secretary's scores of a year, in the order they were first entered. */
export async function reviewScoresOfUser(tx: Tx, userId: string, year: number): Promise<ReviewScoreRecord[]> {
  const rows = await tx.selectFrom('review_scores').selectAll().where('user_id', '=', userId).where('year', '=', year).orderBy('pos').execute()
  return rows.map(reviewScoreRecord)
}

/** Every score of a year (all quarters, all secretaries), in the order they were first entered. */
export async function reviewScoresOfYear(tx: Tx, year: number): Promise<ReviewScoreRecord[]> {
  const rows = await tx.selectFrom('review_scores').selectAll().where('year', '=', year).orderBy('pos').execute()
  return rows.map(reviewScoreRecord)
}

/** Adds a score (its year, quarter and secretary must not have one yet: take lockReviewScore first). */
export async function insertReviewScore(tx: Tx, record: ReviewScoreRecord): Promise<void> {
  await tx.insertInto('review_scores').values(reviewScoreRow(record)).execute()
}

/** Stores a changed score loaded from this repository. */
export async function updateReviewScore(tx: Tx, record: ReviewScoreRecord): Promise<void> {
  const { year, quarter, user_id, ...fields } = reviewScoreRow(record)
  await tx.updateTable('review_scores').set(fields).where('year', '=', year).where('quarter', '=', quarter).where('user_id', '=', user_id).execute()
}
