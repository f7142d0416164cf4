import { apiClient } from './client'
import { honourPageSchema, honourSchema, type CreateHonourBody, type HonourType } from './contract/honour'

// Honours (mock/routes/honours.ts): GET /honours, GET /honours/:id, GET /me/honours, POST /honours.

/** Filters of the honour list. */
export type HonourFilters = { year?: number; type?: HonourType; page?: number; pageSize?: number }

/** A page of honours (GET /honours). */
export function getHonours({ year, ...rest }: HonourFilters = {}) {
  return apiClient({ method: 'GET', path: '/honours', query: { ...rest, year: year === undefined ? undefined : String(year) }, schema: honourPageSchema })
}

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
