import { apiClient } from '../client'
import { loginResultSchema, type LoginResult } from '../contract/auth'

// 登录 and 退出: part of ../auth.ts, apart from GET /me, which the app asks at launch (app.tsx): H5's first
// load then carries no login code.

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

/** Ends every session of the caller, on every device (POST /auth/logout-all, 退出所有设备). */
export function logoutAll(): Promise<void> {
  return apiClient({ method: 'POST', path: '/auth/logout-all', skipAuthRedirect: true })
}
