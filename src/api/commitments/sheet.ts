import { apiClient } from '../client'
import { commitmentSchema, type ProgressBody, type SaveCommitmentBody } from '../contract/commitment'

// The caller's writes to a sheet: part of ../commitments.ts, apart from the reads that 首页 asks for at launch
// (H5's first load carries those only; the 承诺 tab loads these with its own code).

/** 保存草稿 (PUT /me/commitments/:year); the key makes retries of one tap safe. */
export function saveMyCommitment(year: number, body: SaveCommitmentBody, idempotencyKey: string) {
  return apiClient({ method: 'PUT', path: `/me/commitments/${year}`, body, schema: commitmentSchema, idempotencyKey })
}

/** 提交 the saved sheet for review (POST /me/commitments/:year/submit). */
export function submitMyCommitment(year: number, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/me/commitments/${year}/submit`, body: {}, schema: commitmentSchema, idempotencyKey })
}

/** Reports (or replaces) an item's progress of a quarter (PUT /me/commitments/:year/items/:itemId/progress/:quarter). */
export function reportProgress(year: number, itemId: string, quarter: number, body: ProgressBody, idempotencyKey: string) {
  return apiClient({
    method: 'PUT',
    path: `/me/commitments/${year}/items/${encodeURIComponent(itemId)}/progress/${quarter}`,
    body,
    schema: commitmentSchema,
    idempotencyKey,
  })
}
