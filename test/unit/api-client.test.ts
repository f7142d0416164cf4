/**
 * @jest-environment jsdom
 */
import { z } from 'zod'
import { ApiError } from '@/api/api-error'
import { createApiClient, type ClientOptions, type Transport } from '@/api/client'

type Call = Parameters<Transport>[0]

function setup(answers: (Call extends never ? never : (call: Call) => Promise<{ statusCode: number; data: unknown }>)[], extra: Partial<ClientOptions> = {}) {
  const calls: Call[] = []
  const sleeps: number[] = []
  const onUnauthorized = jest.fn()
  let i = 0
  const client = createApiClient({
    baseUrl: 'http://api.test/api',
    transport: (call) => {
      calls.push(call)
      const answer = answers[Math.min(i, answers.length - 1)]
      i += 1
      return answer(call)
    },
    getToken: () => 'tok-1',
    onUnauthorized,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    timeoutMs: 10_000,
    maxInFlight: 6,
    maxAttempts: 3,
    backoffMs: 600,
    ...extra,
  })
  return { client, calls, sleeps, onUnauthorized }
}

const ok = (data: unknown, statusCode = 200) => async () => ({ statusCode, data })
const fail = (errMsg: string) => async () => {
  throw { errMsg }
}
const errorAnswer = (statusCode: number, code: string, fields?: Record<string, string>) => async () => ({
  statusCode,
  data: { error: { code, message: '服务器的说明', ...(fields ? { fields } : {}) } },
})
const itemSchema = z.object({ id: z.string() })

describe('the API client', () => {
  it('should turn a 429 into a wait in minutes or seconds, never retrying it and never naming the phone', async () => {
    const limitAnswer = (code: string, retryAfter: number) => async () => ({
      statusCode: 429,
      data: { error: { code, message: '服务器的说明', retryAfter } },
    })
    const locked = setup([limitAnswer('TOO_MANY_ATTEMPTS', 600)])
    const error = (await locked.client({ method: 'POST', path: '/auth/login', body: {} }).catch((e: unknown) => e)) as ApiError
    expect(locked.calls).toHaveLength(1)
    expect(error).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfter: 600, retriable: false })
    expect(error.message).toBe('错误次数太多，为了安全暂时锁定，请 10 分钟后再试。')
    const soon = setup([limitAnswer('RATE_LIMITED', 42)])
    const wait = (await soon.client({ method: 'POST', path: '/auth/sms-code', body: {} }).catch((e: unknown) => e)) as ApiError
    expect(wait.message).toBe('操作太频繁，请 42 秒后再试。')
    const odd = setup([limitAnswer('RATE_LIMITED', 61)])
    expect(((await odd.client({ method: 'GET', path: '/x' }).catch((e: unknown) => e)) as ApiError).message).toBe('操作太频繁，请 2 分钟后再试。')
  })

  it('should send the bearer token, a 10 s timeout and the query string, and parse the answer with the schema', async () => {
    const { client, calls } = setup([ok({ id: 'e1', extra: 'ignored' })])
    const result = await client({ method: 'GET', path: '/events/e1', query: { q: '飞地 经济', page: 2, empty: '' }, schema: itemSchema })
    expect(result).toEqual({ id: 'e1' })
    expect(calls[0].url).toBe('http://api.test/api/events/e1?q=%E9%A3%9E%E5%9C%B0%20%E7%BB%8F%E6%B5%8E&page=2')
    expect(calls[0].header.Authorization).toBe('Bearer tok-1')
    expect(calls[0].timeout).toBe(10_000)
  })

  it('should put an Idempotency-Key on every mutating call and keep it across its retries', async () => {
    const { client, calls } = setup([fail('request:fail'), fail('request:fail timeout'), ok({ id: 'r' }, 201)])
    await client({ method: 'POST', path: '/events/e1/registration', body: {}, schema: itemSchema })
    expect(calls).toHaveLength(3)
    const keys = calls.map((c) => c.header['Idempotency-Key'])
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(new Set(keys).size).toBe(1)
  })

  it('should use the caller\'s key when one is given, so a second tap of the same action reuses it', async () => {
    const { client, calls } = setup([ok({ id: 'r' }, 201)])
    await client({ method: 'POST', path: '/x', body: {}, schema: itemSchema, idempotencyKey: 'action-key' })
    expect(calls[0].header['Idempotency-Key']).toBe('action-key')
  })

  it('should retry a GET on network failure at most 3 times in all, with growing backoff', async () => {
    const { client, calls, sleeps } = setup([fail('request:fail')])
    const error = await client({ method: 'GET', path: '/events', schema: itemSchema }).catch((e: unknown) => e)
    expect(calls).toHaveLength(3)
    expect(sleeps).toHaveLength(2)
    expect(sleeps[1]).toBeGreaterThan(sleeps[0])
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'network', retriable: true })
    expect((error as ApiError).message).toContain('网络')
  })

  it('should not retry an HTTP error answer', async () => {
    const { client, calls } = setup([errorAnswer(409, 'SIGNUP_CLOSED')])
    const error = (await client({ method: 'POST', path: '/x', body: {} }).catch((e: unknown) => e)) as ApiError
    expect(calls).toHaveLength(1)
    expect(error).toMatchObject({ kind: 'http', status: 409, code: 'SIGNUP_CLOSED', retriable: false })
    expect(error.message).toContain('报名已截止')
  })

  it('should map a timeout to its own message', async () => {
    const { client } = setup([fail('request:fail timeout')], { maxAttempts: 1 })
    const error = (await client({ method: 'GET', path: '/x' }).catch((e: unknown) => e)) as ApiError
    expect(error.kind).toBe('timeout')
    expect(error.message).toContain('超时')
  })

  it('should carry the field messages of a 400 answer', async () => {
    const { client } = setup([errorAnswer(400, 'VALIDATION_FAILED', { title: '至少 2 个字' })])
    const error = (await client({ method: 'POST', path: '/x', body: {} }).catch((e: unknown) => e)) as ApiError
    expect(error.fields).toEqual({ title: '至少 2 个字' })
  })

  it('should call the unauthorized handler on 401, except where a 401 is an answer (login)', async () => {
    const first = setup([errorAnswer(401, 'UNAUTHORIZED')])
    await first.client({ method: 'GET', path: '/me' }).catch(() => undefined)
    expect(first.onUnauthorized).toHaveBeenCalledTimes(1)
    const login = setup([errorAnswer(401, 'LOGIN_FAILED')])
    const error = (await login.client({ method: 'POST', path: '/auth/login', body: {}, skipAuthRedirect: true }).catch((e: unknown) => e)) as ApiError
    expect(login.onUnauthorized).not.toHaveBeenCalled()
    expect(error.message).toContain('验证码不正确')
  })

  it('should reject an answer that does not match the contract with a parse error', async () => {
    const { client } = setup([ok({ id: 42 })])
    const error = (await client({ method: 'GET', path: '/x', schema: itemSchema }).catch((e: unknown) => e)) as ApiError
    expect(error.kind).toBe('parse')
  })

  it('should treat a 5xx without a body as INTERNAL and a proxy page as HTTP_<status>', async () => {
    const { client } = setup([ok('<html>bad gateway</html>', 502)], { maxAttempts: 1 })
    const error = (await client({ method: 'GET', path: '/x' }).catch((e: unknown) => e)) as ApiError
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL', retriable: true })
  })

  it('should keep at most 6 requests in flight and start the rest as earlier ones finish', async () => {
    let active = 0
    let peak = 0
    const releases: (() => void)[] = []
    const { client } = setup([
      () =>
        new Promise((resolve) => {
          active += 1
          peak = Math.max(peak, active)
          releases.push(() => {
            active -= 1
            resolve({ statusCode: 204, data: null })
          })
        }),
    ])
    const all = Promise.all(Array.from({ length: 10 }, () => client({ method: 'GET', path: '/x' })))
    await new Promise((r) => setTimeout(r, 0))
    expect(active).toBe(6)
    while (releases.length) {
      releases.shift()!()
      await new Promise((r) => setTimeout(r, 0))
    }
    await all
    expect(peak).toBe(6)
  })
})
