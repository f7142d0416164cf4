import { apiClient } from '@/api/client'
import { honourSchema } from '@/api/contract/honour'

/** One honour (GET /honours/:id). */
export function getHonour(id: string) {
  return apiClient({ method: 'GET', path: `/honours/${encodeURIComponent(id)}`, schema: honourSchema })
}
