import { apiClient } from '@/api/client'
import { commitmentSchema } from '@/api/contract/commitment'

/** One sheet with its items and progress, for review (GET /commitments/:id). */
export function getCommitment(id: string) {
  return apiClient({ method: 'GET', path: `/commitments/${encodeURIComponent(id)}`, schema: commitmentSchema })
}
