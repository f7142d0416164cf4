import { ApiError } from './api-error'
import { apiClient } from './client'
import {
  commitmentPageSchema,
  commitmentSchema,
  type Commitment,
  type CommitmentStatus,
  type ProgressBody,
  type ReviewBody,
  type SaveCommitmentBody,
} from './contract/commitment'

// 履职承诺 (mock/routes/commitments.ts): the caller's sheet under /me/commitments, review under /commitments.

/** The caller's sheet of a year (GET /me/commitments/:year), or null when none was started yet (404). */
export async function getMyCommitment(year: number): Promise<Commitment | null> {
  try {
    return await apiClient({ method: 'GET', path: `/me/commitments/${year}`, schema: commitmentSchema })
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}

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

/** Organisers' review list: a page of sheets of a year, by status and town (GET /commitments). */
export function getCommitments(query: { year: number; status?: CommitmentStatus; town?: string; page?: number; pageSize?: number }) {
  return apiClient({
    method: 'GET',
    path: '/commitments',
    query: { year: query.year, status: query.status, town: query.town, page: query.page ?? 1, pageSize: query.pageSize ?? 20 },
    schema: commitmentPageSchema,
  })
}

/**
 * How many sheets of a year wait for review (a one-row page of GET /commitments?status=submitted → total).
 * A 404 means a server without the review list yet: say so rather than "not found".
 */
export function countSubmittedCommitments(year: number): Promise<number> {
  return getCommitments({ year, status: 'submitted', pageSize: 1 }).then(
    (page) => page.total,
    (failure: unknown) => {
      if (failure instanceof ApiError && failure.status === 404) {
        throw new ApiError({ kind: 'http', status: 404, code: 'NOT_FOUND', message: '承诺审核列表暂时打不开，请稍后点“重试”。' })
      }
      throw failure
    },
  )
}

/** One sheet with its items and progress, for review (GET /commitments/:id). */
export function getCommitment(id: string) {
  return apiClient({ method: 'GET', path: `/commitments/${encodeURIComponent(id)}`, schema: commitmentSchema })
}

/** 通过 or 退回 a submitted sheet (POST /commitments/:id/review). */
export function reviewCommitment(id: string, body: ReviewBody, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/commitments/${encodeURIComponent(id)}/review`, body, schema: commitmentSchema, idempotencyKey })
}
