import { apiClient } from '@/api/client'
import { commitmentPageSchema } from '@/api/contract/commitment'

/** How many sheets of a year wait for review (GET /commitments?status=submitted, one-row page → total). */
export async function countSubmittedCommitments(year: number): Promise<number> {
  const page = await apiClient({ method: 'GET', path: '/commitments', query: { year: String(year), status: 'submitted', pageSize: 1 }, schema: commitmentPageSchema })
  return page.total
}
