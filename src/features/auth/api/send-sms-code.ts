import { apiClient } from '@/api/client'

/** Asks the server to text a login code to `phone` (POST /auth/sms-code). */
export function sendSmsCode(phone: string): Promise<void> {
  return apiClient({ method: 'POST', path: '/auth/sms-code', body: { phone }, skipAuthRedirect: true })
}
