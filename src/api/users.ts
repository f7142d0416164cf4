import { apiClient } from './client'
import { userSchema } from './contract/auth'
import { pageOf } from './contract/common'

// People (mock/routes/users.ts): GET /users, organisers only.

const userPageSchema = pageOf(userSchema)

/** Secretaries matching a name, phone or village, for the recipient picker (GET /users). */
export function getSecretaries(q: string) {
  return apiClient({ method: 'GET', path: '/users', query: { role: 'secretary', q: q.trim() || undefined, pageSize: 20 }, schema: userPageSchema })
}
