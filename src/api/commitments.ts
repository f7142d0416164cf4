import { ApiError } from './api-error'
import { apiClient } from './client'
import { commitmentPageSchema, commitmentSchema, type Commitment, type CommitmentStatus } from './contract/commitment'

// 履职承诺 (mock/routes/commitments.ts): the caller's sheet under /me/commitments, review under /commitments.
// The reads 首页 asks for at launch are here; the sheet's writes and the review of one sheet are in
// ./commitments/, re-exported here: import every call from this module.

export { reportProgress, saveMyCommitment, submitMyCommitment } from './commitments/sheet'
export { getCommitment, reviewCommitment } from './commitments/review'

/** The caller's sheet of a year (GET /me/commitments/:year), or null when none was started yet (404). */
export async function getMyCommitment(year: number): Promise<Commitment | null> {
  try {
    return await apiClient({ method: 'GET', path: `/me/commitments/${year}`, schema: commitmentSchema })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

/** Organisers' review list: a page of sheets of a year, by status and town (GET /commitments). */
export function getCommitments(query: { year: number; status?: CommitmentStatus; town?: string; page?: number; pageSize?: number }) {
  return apiClient({
    method: 'GET',
    path: '/commitments',
    query: { year: query.year, status: query.status, town: query.town, page: query.page ?? 1, pageSize: query.pageSize ?? 20 },
    schema: commitmentPageSchema,
  })
}

/**
 * How many sheets of a year wait for review (a one-row page of GET /commitments?status=submitted → total).
 * A 404 means a server without the review list yet: say so rather than "not found".
 */
export function countSubmittedCommitments(year: number): Promise<number> {
  return getCommitments({ year, status: 'submitted', pageSize: 1 }).then(
    (page) => page.total,
    (failure: unknown) => {
      if (failure instanceof ApiError && failure.status === 404) {
        throw new ApiError({ kind: 'http', status: 404, code: 'NOT_FOUND', message: '承诺审核列表暂时打不开，请稍后点“重试”。' })
      }
      throw failure
    },
  )
}
