import { apiClient } from '../client'
import { honourPageSchema, honourSchema, type CreateHonourBody } from '../contract/honour'

// One honour, the caller's own and 发布荣誉: part of ../honours.ts, called only by sub-package screens
// (honour detail, 我的荣誉, the organisers' form), so kept apart to stay out of the main package.

/** One honour (GET /honours/:id). */
export function getHonour(id: string) {
  return apiClient({ method: 'GET', path: `/honours/${encodeURIComponent(id)}`, schema: honourSchema })
}

/** The caller's own honours (GET /me/honours). */
export function getMyHonours(page = 1, pageSize = 50) {
  return apiClient({ method: 'GET', path: '/me/honours', query: { page, pageSize }, schema: honourPageSchema })
}

/** Publishes an honour (POST /honours); the key makes retries of one tap safe. */
export function createHonour(body: CreateHonourBody, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: '/honours', body, schema: honourSchema, idempotencyKey })
}
