import { ApiError } from '@/api/api-error'
import { apiClient } from '@/api/client'
import { commitmentSchema, type Commitment } from '@/api/contract/commitment'

/** The secretary's 履职承诺 of a year (GET /me/commitments/:year), or null when none was started (404). */
export async function getMyCommitment(year: number): Promise<Commitment | null> {
  try {
    return await apiClient({ method: 'GET', path: `/me/commitments/${year}`, schema: commitmentSchema })
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 404) return null
    throw failure
  }
}
