import { apiClient } from '@/api/client'
import { loginResultSchema, type LoginResult } from '@/api/contract/auth'

/** Exchanges phone + SMS code for a token and the user (POST /auth/login). */
export function login(phone: string, code: string): Promise<LoginResult> {
  return apiClient({ method: 'POST', path: '/auth/login', body: { phone, code }, schema: loginResultSchema, skipAuthRedirect: true })
}
