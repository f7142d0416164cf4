import { apiClient } from '@/api/client'
import { commitmentPageSchema } from '@/api/contract/commitment'

/** How many sheets of a year wait for review (GET /commitments?status=submitted, one-row page → total). */
export function countSubmittedCommitments(year: number): Promise<number> {
  return apiClient({ method: 'GET', path: '/commitments', query: { year: String(year), status: 'submitted', pageSize: 1 }, schema: commitmentPageSchema }).then((page) => page.total)
}
