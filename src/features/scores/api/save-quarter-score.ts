import { apiClient } from '@/api/client'
import { reviewScoreSchema, type ReviewScoreBody } from '@/api/contract/score'

/** Enters one secretary's 季度评分 (PUT /reviews/:year/:quarter/:userId). */
export function saveQuarterScore(year: number, quarter: number, userId: string, body: ReviewScoreBody, idempotencyKey: string) {
  return apiClient({
    method: 'PUT',
    path: `/reviews/${year}/${quarter}/${encodeURIComponent(userId)}`,
    body,
    schema: reviewScoreSchema,
    idempotencyKey,
  })
}
