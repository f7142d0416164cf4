import { apiClient } from './client'
import { userSchema, type User } from './contract/auth'

// Auth and the caller (mock/routes/auth.ts): POST /auth/sms-code, /auth/login, /auth/logout, /auth/logout-all; GET /me.
// 登录 and 退出 are in ./auth/login.ts, re-exported here: import every call from this module.

export { login, logout, logoutAll, sendSmsCode } from './auth/login'

/** The signed-in user (GET /me). */
export function getMe(): Promise<User> {
  return apiClient({ method: 'GET', path: '/me', schema: userSchema })
}
