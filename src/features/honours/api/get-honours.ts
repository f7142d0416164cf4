import { apiClient } from '@/api/client'
import { honourPageSchema, type HonourType } from '@/api/contract/honour'

/** Filters of the honour list. */
export type HonourFilters = { year?: number; type?: HonourType; page?: number; pageSize?: number }

/** A page of honours (GET /honours). */
export function getHonours({ year, ...rest }: HonourFilters = {}) {
  return apiClient({ method: 'GET', path: '/honours', query: { ...rest, year: year === undefined ? undefined : String(year) }, schema: honourPageSchema })
}
