import { apiClient } from '@/api/client'
import { commitmentSchema, type ReviewBody } from '@/api/contract/commitment'

/** 通过 or 退回 a submitted sheet (POST /commitments/:id/review). */
export function reviewCommitment(id: string, body: ReviewBody, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/commitments/${encodeURIComponent(id)}/review`, body, schema: commitmentSchema, idempotencyKey })
}
