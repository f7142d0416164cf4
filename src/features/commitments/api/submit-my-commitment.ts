import { apiClient } from '@/api/client'
import { commitmentSchema } from '@/api/contract/commitment'

/** 提交 the saved sheet for review (POST /me/commitments/:year/submit). */
export function submitMyCommitment(year: number, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/me/commitments/${year}/submit`, body: {}, schema: commitmentSchema, idempotencyKey })
}
