import { readState } from '../../mock/db/seed-store'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// API.md v1.1 "Login" and "Sessions": what stands between a phone number and an account.

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

let api: MockApi
/** The codes the mock texted, newest last, by phone. */
let texted: Map<string, string[]>
afterEach(() => api?.close())

/** A mock as in production (no test routes, so no fixed code), its texts captured. */
async function production(options: { trustProxy?: boolean } = {}) {
  texted = new Map()
  api = await startMockApi(undefined, {
    testRoutes: false,
    ...options,
    onSmsCode: (phone, code) => texted.set(phone, [...(texted.get(phone) ?? []), code]),
  })
}
const sendCode = (phone: string, headers?: Record<string, string>) => api.call('POST', '/auth/sms-code', { body: { phone }, headers })
const login = (phone: string, code: string, headers?: Record<string, string>) => api.call('POST', '/auth/login', { body: { phone, code }, headers })
const lastCode = (phone: string) => texted.get(phone)!.at(-1)!
const other = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')
const later = (ms: number) => api.setNow(api.mock.clock.now() + ms)
/** How many live login codes the database holds for `phone` (0 or 1). */
const liveCodes = (phone: string) =>
  api.mock.write(async (tx) => (await tx.selectFrom('sms_codes').select('phone').where('phone', '=', phone).execute()).length)

describe('login codes', () => {
  it('should not accept 123456 without the test routes, and accept the texted code once', async () => {
    await production()
    expect((await login(secretaryPhone(1), '123456')).status).toBe(401)
    expect((await sendCode(secretaryPhone(1))).status).toBe(204)
    const code = lastCode(secretaryPhone(1))
    expect(code).toMatch(/^\d{6}$/)
    const first = await login(secretaryPhone(1), code)
    expect(first.status).toBe(200)
    expect(first.body.user.id).toBe('u-s01')
    const again = await login(secretaryPhone(1), code)
    expect([again.status, again.body.error.code]).toEqual([401, 'LOGIN_FAILED'])
  })

  it('should let a texted code expire after 5 minutes, and text nothing to an unknown phone while answering the same', async () => {
    await production()
    await sendCode(secretaryPhone(2))
    const code = lastCode(secretaryPhone(2))
    later(5 * MINUTE)
    expect((await login(secretaryPhone(2), code)).status).toBe(401)
    const unknown = await sendCode('13712345678')
    expect(unknown.status).toBe(204)
    expect(texted.has('13712345678')).toBe(false)
  })

  it('should keep 123456 working for every phone with the test routes on (npm start, the test suites)', async () => {
    api = await startMockApi()
    for (const phone of [secretaryPhone(1), organiserPhone(3)]) expect((await login(phone, '123456')).status).toBe(200)
  })
})

describe('login attempt limits (brute force)', () => {
  it('should lock a phone after 5 wrong codes in 15 minutes, the right code included, and void its code', async () => {
    await production()
    const phone = organiserPhone(1)
    await sendCode(phone)
    const code = lastCode(phone)
    const started = Date.now()
    expect(await liveCodes(phone)).toBe(1)
    for (let i = 0; i < 5; i++) {
      later(10_000)
      const res = await login(phone, other(code))
      expect([i, res.status, res.body.error.code]).toEqual([i, 401, 'LOGIN_FAILED'])
    }
    expect(await liveCodes(phone)).toBe(0) // voided by the 5th wrong code
    const locked = await login(phone, code)
    expect(locked.status).toBe(429)
    expect(locked.body.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: 900 })
    expect(locked.headers.get('retry-after')).toBe('900')
    // The same answer for a phone that has no account: the lock does not tell them apart.
    for (let i = 0; i < 5; i++) await login('13712345678', '000000')
    const ghost = await login('13712345678', '000000')
    expect([ghost.status, ghost.body.error.code, ghost.body.error.retryAfter]).toEqual([429, 'TOO_MANY_ATTEMPTS', 900])
    expect(ghost.body.error.message).toBe(locked.body.error.message)
    // 15 minutes on, the phone may try again, with a new code.
    later(15 * MINUTE)
    expect((await login(phone, code)).status).toBe(401)
    await sendCode(phone)
    expect((await login(phone, lastCode(phone))).status).toBe(200)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('should refuse an address after 20 failed logins in 10 minutes, over any phones', async () => {
    await production()
    await sendCode(secretaryPhone(9))
    const code = lastCode(secretaryPhone(9))
    for (let i = 0; i < 20; i++) expect((await login(secretaryPhone(20 + i), '000000')).status).toBe(401)
    const res = await login(secretaryPhone(9), code)
    expect([res.status, res.body.error.code]).toEqual([429, 'TOO_MANY_ATTEMPTS'])
    expect(res.body.error.retryAfter).toBe(600)
  })

  it('should ignore X-Forwarded-For unless told to trust a proxy, and then count its last hop', async () => {
    await production()
    for (let i = 0; i < 20; i++) await login(secretaryPhone(20 + i), '000000', { 'X-Forwarded-For': `10.0.0.${i}` })
    expect((await login(secretaryPhone(1), '000000', { 'X-Forwarded-For': '10.9.9.9' })).status).toBe(429)
    await api.close()
    await production({ trustProxy: true })
    for (let i = 0; i < 20; i++) await login(secretaryPhone(20 + i), '000000', { 'X-Forwarded-For': `1.2.3.4, 10.0.0.${i}` })
    // Each hop the proxy added is its own address: none reached 20.
    expect((await login(secretaryPhone(1), '000000', { 'X-Forwarded-For': '10.0.0.1' })).status).toBe(401)
  })
})

describe('SMS send limits', () => {
  it('should text one phone at most 10 times in 24 hours (429 RATE_LIMITED)', async () => {
    await production()
    for (let i = 0; i < 10; i++) {
      expect((await sendCode(secretaryPhone(3))).status).toBe(204)
      later(61_000)
    }
    const res = await sendCode(secretaryPhone(3))
    expect([res.status, res.body.error.code]).toEqual([429, 'RATE_LIMITED'])
    expect(res.body.error.retryAfter).toBeGreaterThan(20 * 60 * 60)
    later(DAY)
    expect((await sendCode(secretaryPhone(3))).status).toBe(204)
  })

  it('should text at most 30 phones an hour from one address, known or not', async () => {
    await production()
    for (let i = 1; i <= 30; i++) expect((await sendCode(`137000000${String(i).padStart(2, '0')}`)).status).toBe(204)
    const res = await sendCode(secretaryPhone(4))
    expect([res.status, res.body.error.code]).toEqual([429, 'RATE_LIMITED'])
    expect(texted.has(secretaryPhone(4))).toBe(false)
  })
})

describe('sessions', () => {
  it('should end a session 30 days after its last use with 401 SESSION_EXPIRED, and keep a used one alive', async () => {
    api = await startMockApi()
    const idle = await api.login(secretaryPhone(1))
    const busy = await api.login(secretaryPhone(2))
    for (let day = 0; day < 2; day++) {
      later(29 * DAY)
      expect((await api.call('GET', '/me', { token: busy })).status).toBe(200)
    }
    const res = await api.call('GET', '/me', { token: idle })
    expect([res.status, res.body.error.code]).toEqual([401, 'SESSION_EXPIRED'])
  })

  it('should keep at most 10 sessions per user: the 11th login ends the oldest', async () => {
    api = await startMockApi()
    const tokens: string[] = []
    for (let i = 0; i < 11; i++) {
      tokens.push(await api.login(secretaryPhone(5)))
      later(1000)
    }
    expect((await api.call('GET', '/me', { token: tokens[0] })).status).toBe(401)
    for (const token of tokens.slice(1)) expect((await api.call('GET', '/me', { token })).status).toBe(200)
  })

  it('should end every session of the caller on POST /auth/logout-all, and nobody else\'s', async () => {
    api = await startMockApi()
    const phone = await api.login(secretaryPhone(6))
    const laptop = await api.login(secretaryPhone(6))
    const someoneElse = await api.login(secretaryPhone(7))
    expect((await api.call('POST', '/auth/logout-all', { token: phone })).status).toBe(204)
    for (const token of [phone, laptop]) expect((await api.call('GET', '/me', { token })).status).toBe(401)
    expect((await api.call('GET', '/me', { token: someoneElse })).status).toBe(200)
    expect((await api.call('POST', '/auth/logout-all')).status).toBe(401)
  })

  it('should never replay a login for its Idempotency-Key: each answer is a new session', async () => {
    api = await startMockApi()
    const headers = { 'Idempotency-Key': 'login-weak-signal' }
    const first = await login(secretaryPhone(8), '123456', headers)
    const again = await login(secretaryPhone(8), '123456', headers)
    expect(first.status).toBe(200)
    expect(again.status).toBe(200)
    expect(again.body.token).not.toBe(first.body.token)
    expect((await api.call('POST', '/auth/logout', { token: first.body.token, headers })).status).toBe(204)
    expect((await api.call('GET', '/me', { token: first.body.token })).status).toBe(401)
    expect((await api.call('GET', '/me', { token: again.body.token })).status).toBe(200)
  })

  it('should keep no usable token or login code in the database', async () => {
    await production()
    await sendCode(secretaryPhone(1))
    const code = lastCode(secretaryPhone(1))
    await sendCode(secretaryPhone(2))
    const token = (await login(secretaryPhone(1), code)).body.token as string
    const stored = await api.mock.write(async (tx) => {
      const tables = ['sessions', 'session_uses', 'sms_codes', 'sms_sent', 'idempotency', 'attempts', 'lockouts'] as const
      const rows = await Promise.all(tables.map((t) => tx.selectFrom(t).selectAll().execute()))
      return JSON.stringify({ rows, state: await readState(tx) })
    })
    expect(stored).not.toContain(token)
    expect(stored).not.toContain(lastCode(secretaryPhone(2)))
    // …though phone 2's code is kept, as a hash.
    expect(await liveCodes(secretaryPhone(2))).toBe(1)
  })
})
