import type { ReviewScoreRecord } from '../db'
import type { Tx } from './tx'

const sameSlot = (s: ReviewScoreRecord, year: number, quarter: number, userId: string) =>
  s.year === year && s.quarter === quarter && s.userId === userId

/** The score of one secretary for one quarter, if entered (there is at most one per year, quarter and secretary). */
export async function reviewScoreOf(tx: Tx, year: number, quarter: number, userId: string): Promise<ReviewScoreRecord | undefined> {
  return tx.state.reviewScores.find((s) => sameSlot(s, year, quarter, userId))
}

/**
 * The score of one (year, quarter, secretary), locked for the rest of the transaction, so that two
 * entries of the same score decide one after the other and never insert two rows. In SQL: the row
 * FOR UPDATE plus an advisory lock on the key, which also holds while there is no row yet.
 */
export async function lockReviewScore(tx: Tx, year: number, quarter: number, userId: string): Promise<ReviewScoreRecord | undefined> {
  return reviewScoreOf(tx, year, quarter, userId)
}

/** The scores of one quarter of the given secretaries, by user id (those without a score are left out). */
export async function quarterScoresOf(
  tx: Tx,
  year: number,
  quarter: number,
  userIds: Iterable<string>,
): Promise<Map<string, ReviewScoreRecord>> {
  const wanted = new Set(userIds)
  const found = new Map<string, ReviewScoreRecord>()
  for (const s of tx.state.reviewScores) {
    if (s.year === year && s.quarter === quarter && wanted.has(s.userId) && !found.has(s.userId)) found.set(s.userId, s)
  }
  return found
}

/** One secretary's scores of a year, in the order they were first entered. */
export async function reviewScoresOfUser(tx: Tx, userId: string, year: number): Promise<ReviewScoreRecord[]> {
  return tx.state.reviewScores.filter((s) => s.userId === userId && s.year === year)
}

/** Every score of a year (all quarters, all secretaries), in the order they were first entered. */
export async function reviewScoresOfYear(tx: Tx, year: number): Promise<ReviewScoreRecord[]> {
  return tx.state.reviewScores.filter((s) => s.year === year)
}

/** Adds a score (its year, quarter and secretary must not have one yet: take lockReviewScore first). */
export async function insertReviewScore(tx: Tx, record: ReviewScoreRecord): Promise<void> {
  tx.state.reviewScores.push(record)
}

/** Stores a changed score loaded from this repository. */
export async function updateReviewScore(tx: Tx, record: ReviewScoreRecord): Promise<void> {
  const i = tx.state.reviewScores.findIndex((s) => sameSlot(s, record.year, record.quarter, record.userId))
  if (i >= 0) tx.state.reviewScores[i] = record
}
