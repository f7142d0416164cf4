import { apiClient } from '@/api/client'
import { userSchema } from '@/api/contract/auth'
import { pageOf } from '@/api/contract/common'

const userPageSchema = pageOf(userSchema)

/** Secretaries matching a name, phone or village, for the recipient picker (GET /users, organisers). */
export function getSecretaries(q: string) {
  return apiClient({ method: 'GET', path: '/users', query: { role: 'secretary', q: q.trim() || undefined, pageSize: 20 }, schema: userPageSchema })
}
