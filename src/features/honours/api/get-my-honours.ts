import { apiClient } from '@/api/client'
import { honourPageSchema } from '@/api/contract/honour'

/** The caller's own honours (GET /me/honours). */
export function getMyHonours(page = 1, pageSize = 50) {
  return apiClient({ method: 'GET', path: '/me/honours', query: { page, pageSize }, schema: honourPageSchema })
}
