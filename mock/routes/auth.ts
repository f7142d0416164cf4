import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { loginBodySchema, loginResultSchema, smsCodeBodySchema, userSchema } from '../../src/api/contract/auth'
import {
  LOGIN_ADDRESS_LIMIT,
  LOGIN_PHONE_LIMIT,
  clearFailures,
  countFailure,
  lockedFor,
  lockedOut,
  recordAct,
  windowWait,
} from '../attempts'
import { userView } from '../domain'
import { HttpError, errorReply, limited, parseOrThrow } from '../http'
import {
  deleteSession,
  deleteSessionsOfUser,
  deleteSmsCode,
  findSmsCode,
  insertSession,
  keepNewestSessions,
  recordSmsSent,
  saveSmsCode,
  smsSentAt,
} from '../repos/sessions'
import { findUserByPhone } from '../repos/users'
import type { Route } from '../router'

/** The code the mock accepts for every phone, only while the test routes are on (API.md v1.1). */
export const MOCK_SMS_CODE = '123456'
const MINUTE = 60_000
const SMS_INTERVAL_MS = MINUTE
/** A texted code is valid this long, and once. */
export const SMS_CODE_TTL_MS = 5 * MINUTE
/** At most 10 texts per phone in any 24 hours, and 30 per client address in any hour. */
export const SMS_PER_PHONE = { max: 10, windowMs: 24 * 60 * MINUTE }
export const SMS_PER_ADDRESS = { max: 30, windowMs: 60 * MINUTE }
/** Live sessions per user: a new login ends the oldest beyond this. */
export const MAX_SESSIONS = 10

const hashCode = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest()

/** Whether `code` logs `phone` in at `now`: the live texted code, or 123456 with the test routes on. */
async function codeMatches(ctx: { tx: Parameters<typeof findSmsCode>[0]; testRoutes: boolean }, phone: string, code: string, now: number) {
  if (ctx.testRoutes && code === MOCK_SMS_CODE) return true
  const live = await findSmsCode(ctx.tx, phone)
  if (!live || live.expiresAt <= now) return false
  const expected = Buffer.from(live.codeHash, 'hex')
  const given = hashCode(phone, code)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const loginFailed = () => new HttpError(401, 'LOGIN_FAILED', '手机号或验证码不正确，请检查后重新输入')

/**
 * Auth endpoints: SMS code, login, logout, logout everywhere, /me. None keeps an Idempotency answer
 * (API.md v1.1): a replayed login must never hand out a live token again.
 */
export const authRoutes: Route[] = [
  {
    method: 'POST',
    path: '/auth/sms-code',
    access: 'public',
    doc: {
      summary: 'Text a login code (valid 5 minutes, once; 123456 with the test routes on); 60 s per phone, 10 per phone a day, 30 per address an hour',
      body: smsCodeBodySchema,
      status: 204,
    },
    async handle({ tx, clock, body, address, sendSms }) {
      const { phone } = parseOrThrow(smsCodeBodySchema, body)
      const now = clock.now()
      const last = await smsSentAt(tx, phone)
      if (last !== undefined && now - last < SMS_INTERVAL_MS) {
        const waitMs = SMS_INTERVAL_MS - (now - last)
        throw limited('RATE_LIMITED', `验证码已发送，请 ${Math.ceil(waitMs / 1000)} 秒后再试`, waitMs)
      }
      const phoneKey = `sms-phone:${phone}`
      const addressKey = `sms-address:${address}`
      const waitMs = Math.max(
        await windowWait(tx, phoneKey, SMS_PER_PHONE.max, SMS_PER_PHONE.windowMs, now),
        await windowWait(tx, addressKey, SMS_PER_ADDRESS.max, SMS_PER_ADDRESS.windowMs, now),
      )
      if (waitMs > 0) throw lockedOut('RATE_LIMITED', '验证码发送次数太多', waitMs)
      await recordAct(tx, phoneKey, now)
      await recordAct(tx, addressKey, now)
      await recordSmsSent(tx, phone, now)
      // Unknown phones get the same answer and the same limits: the API never tells whether an account exists.
      if (await findUserByPhone(tx, phone)) {
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
        await saveSmsCode(tx, phone, hashCode(phone, code).toString('hex'), now + SMS_CODE_TTL_MS)
        sendSms(phone, code)
      }
      return { status: 204 }
    },
  },
  {
    method: 'POST',
    path: '/auth/login',
    access: 'public',
    doc: {
      summary: 'Sign in with phone and code; 5 wrong codes per phone in 15 min lock it for 15 min, 20 failures per address in 10 min lock the address',
      body: loginBodySchema,
      response: loginResultSchema,
    },
    async handle(ctx) {
      const { tx, clock, body, address } = ctx
      const { phone, code } = parseOrThrow(loginBodySchema, body)
      const now = clock.now()
      const phoneKey = `login-phone:${phone}`
      const addressKey = `login-address:${address}`
      const waitMs = Math.max(await lockedFor(tx, addressKey, now), await lockedFor(tx, phoneKey, now))
      if (waitMs > 0) throw lockedOut('TOO_MANY_ATTEMPTS', '登录失败次数太多，为了账号安全暂时锁定', waitMs)
      const user = await findUserByPhone(tx, phone)
      if (!user || !(await codeMatches(ctx, phone, code, now))) {
        // Answered, not thrown, so that the counts commit. Unknown phones count the same way.
        if ((await countFailure(tx, phoneKey, LOGIN_PHONE_LIMIT, now)) > 0) await deleteSmsCode(tx, phone)
        await countFailure(tx, addressKey, LOGIN_ADDRESS_LIMIT, now)
        return errorReply(loginFailed())
      }
      await deleteSmsCode(tx, phone)
      await clearFailures(tx, phoneKey)
      const token = randomBytes(24).toString('base64url')
      await insertSession(tx, token, { userId: user.id, createdAt: now })
      await keepNewestSessions(tx, user.id, MAX_SESSIONS)
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
    method: 'POST',
    path: '/auth/logout-all',
    access: 'any',
    doc: { summary: 'End every session of the caller, this one included (退出所有设备)', status: 204 },
    async handle({ tx, user }) {
      await deleteSessionsOfUser(tx, user.id)
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
