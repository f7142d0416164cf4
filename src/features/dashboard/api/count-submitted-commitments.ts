import { ApiError } from '@/api/api-error'
import { apiClient } from '@/api/client'
import { commitmentPageSchema } from '@/api/contract/commitment'

/**
 * How many sheets of a year wait for review (GET /commitments?status=submitted, one-row page → total).
 * A 404 means a server without the review list yet: say so rather than "not found".
 */
export function countSubmittedCommitments(year: number): Promise<number> {
  return apiClient({ method: 'GET', path: '/commitments', query: { year: String(year), status: 'submitted', pageSize: 1 }, schema: commitmentPageSchema }).then(
    (page) => page.total,
    (failure: unknown) => {
      if (failure instanceof ApiError && failure.status === 404) throw new ApiError({ kind: 'http', status: 404, code: 'NOT_FOUND', message: '承诺审核列表暂时打不开，请稍后点“重试”。' })
      throw failure
    },
  )
}
