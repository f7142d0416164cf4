import { randomBytes } from 'node:crypto'
import { loginBodySchema, loginResultSchema, smsCodeBodySchema, userSchema } from '../../src/api/contract/auth'
import { userView } from '../domain'
import { HttpError, limited, parseOrThrow } from '../http'
import { deleteSession, insertSession, recordSmsSent, smsSentAt } from '../repos/sessions'
import { findUserByPhone } from '../repos/users'
import type { Route } from '../router'

/** The code the mock accepts for every phone. */
export const MOCK_SMS_CODE = '123456'
const SMS_INTERVAL_MS = 60_000

/** Auth endpoints: SMS code, login, logout, /me. */
export const authRoutes: Route[] = [
  {
    method: 'POST',
    path: '/auth/sms-code',
    access: 'public',
    idempotent: true,
    doc: { summary: 'Text a login code (the mock accepts 123456)', body: smsCodeBodySchema, status: 204 },
    async handle({ tx, clock, body }) {
      const { phone } = parseOrThrow(smsCodeBodySchema, body)
      const now = clock.now()
      const last = await smsSentAt(tx, phone)
      if (last !== undefined && now - last < SMS_INTERVAL_MS) {
        const waitMs = SMS_INTERVAL_MS - (now - last)
        throw limited('RATE_LIMITED', `验证码已发送，请 ${Math.ceil(waitMs / 1000)} 秒后再试`, waitMs)
      }
      // Unknown phones get the same answer: the API never tells whether an account exists.
      await recordSmsSent(tx, phone, now)
      return { status: 204 }
    },
  },
  {
    method: 'POST',
    path: '/auth/login',
    access: 'public',
    idempotent: true,
    doc: { summary: 'Sign in with phone and code', body: loginBodySchema, response: loginResultSchema },
    async handle({ tx, clock, body }) {
      const { phone, code } = parseOrThrow(loginBodySchema, body)
      const user = await findUserByPhone(tx, phone)
      if (!user || code !== MOCK_SMS_CODE) {
        throw new HttpError(401, 'LOGIN_FAILED', '手机号或验证码不正确，请检查后重新输入')
      }
      const token = randomBytes(24).toString('base64url')
      await insertSession(tx, token, { userId: user.id, createdAt: clock.now() })
      return { status: 200, body: { token, user: userView(user, user) } }
    },
  },
  {
    method: 'POST',
    path: '/auth/logout',
    access: 'any',
    doc: { summary: 'End the session', status: 204 },
    async handle({ tx, req }) {
      const token = bearerToken(req.headers.authorization)
      if (token) await deleteSession(tx, token)
      return { status: 204 }
    },
  },
  {
    method: 'GET',
    path: '/me',
    access: 'any',
    doc: { summary: 'The signed-in user', response: userSchema },
    handle({ user }) {
      return { status: 200, body: userView(user, user) }
    },
  },
]

/** The token of an `Authorization: Bearer …` header, if well formed. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return m ? m[1] : null
}
