import { apiClient } from '@/api/client'

/** Ends the session on the server (POST /auth/logout). */
export function logout(): Promise<void> {
  return apiClient({ method: 'POST', path: '/auth/logout', skipAuthRedirect: true })
}
