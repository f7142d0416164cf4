import { ApiError } from '@/api/api-error'
import { apiClient } from '@/api/client'
import { commitmentSchema, type Commitment } from '@/api/contract/commitment'

/** The caller's sheet of a year (GET /me/commitments/:year), or null when there is none yet (404). */
export async function getMyCommitment(year: number): Promise<Commitment | null> {
  try {
    return await apiClient({ method: 'GET', path: `/me/commitments/${year}`, schema: commitmentSchema })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
