import { apiClient } from './client'
import { loginResultSchema, userSchema, type LoginResult, type User } from './contract/auth'

// Auth and the caller (mock/routes/auth.ts): POST /auth/sms-code, /auth/login, /auth/logout; GET /me.

/** Asks the server to text a login code to `phone` (POST /auth/sms-code). */
export function sendSmsCode(phone: string): Promise<void> {
  return apiClient({ method: 'POST', path: '/auth/sms-code', body: { phone }, skipAuthRedirect: true })
}

/** Exchanges phone + SMS code for a token and the user (POST /auth/login). */
export function login(phone: string, code: string): Promise<LoginResult> {
  return apiClient({ method: 'POST', path: '/auth/login', body: { phone, code }, schema: loginResultSchema, skipAuthRedirect: true })
}

/** Ends the session on the server (POST /auth/logout). */
export function logout(): Promise<void> {
  return apiClient({ method: 'POST', path: '/auth/logout', skipAuthRedirect: true })
}

/** The signed-in user (GET /me). */
export function getMe(): Promise<User> {
  return apiClient({ method: 'GET', path: '/me', schema: userSchema })
}
