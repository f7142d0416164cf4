import { apiClient } from '@/api/client'
import { userSchema, type User } from '@/api/contract/auth'

/** The signed-in user (GET /me). */
export function getMe(): Promise<User> {
  return apiClient({ method: 'GET', path: '/me', schema: userSchema })
}
