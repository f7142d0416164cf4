import { apiClient } from './client'
import { honourPageSchema, type HonourType } from './contract/honour'

// Honours (mock/routes/honours.ts): GET /honours, GET /honours/:id, GET /me/honours, POST /honours.
// The list (the 荣誉 tab) is here; the calls only sub-packages make are in ./honours/detail.ts, re-exported
// here: import every call from this module.

export { createHonour, getHonour, getMyHonours } from './honours/detail'

/** Filters of the honour list. */
export type HonourFilters = { year?: number; type?: HonourType; page?: number; pageSize?: number }

/** A page of honours (GET /honours). */
export function getHonours({ year, type, page, pageSize }: HonourFilters = {}) {
  return apiClient({ method: 'GET', path: '/honours', query: { type, page, pageSize, year: year === undefined ? undefined : String(year) }, schema: honourPageSchema })
}
