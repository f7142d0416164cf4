import { apiClient } from '../client'
import { commitmentSchema, type ReviewBody } from '../contract/commitment'

// One sheet under review and its verdict: part of ../commitments.ts, called only by the organisers'
// sub-package, so kept apart to stay out of the main package.

/** One sheet with its items and progress, for review (GET /commitments/:id). */
export function getCommitment(id: string) {
  return apiClient({ method: 'GET', path: `/commitments/${encodeURIComponent(id)}`, schema: commitmentSchema })
}

/** 通过 or 退回 a submitted sheet (POST /commitments/:id/review). */
export function reviewCommitment(id: string, body: ReviewBody, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/commitments/${encodeURIComponent(id)}/review`, body, schema: commitmentSchema, idempotencyKey })
}
