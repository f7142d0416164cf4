import http from 'node:http'
import { apiErrorBodySchema } from '@/api/contract/common'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// Regressions of what the fuzzer (test/api/fuzz.test.ts) found: a deeply nested body crashed the
// Idempotency-Key hash (500), and a URL over Node's 16 KB header limit got Node's bare 431.
let api: MockApi
let secretary: string
let organiser: string
beforeEach(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
  organiser = await api.login(organiserPhone(1))
})
afterEach(() => api.close())

const snapshot = async () => JSON.stringify({ ...(await api.mock.state()), sessions: null })
const deepArray = (n: number) => '['.repeat(n) + ']'.repeat(n)

/** A raw request, so that a URL or body can be anything. */
function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; type: string; text: string }> {
  const url = new URL(api.base)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path: `/api${path}`, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text: Buffer.concat(chunks).toString() }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('bodies nested too deep', () => {
  it.each([
    ['a sign-up', 'POST', '/events/evt-lecture-open/registration', () => secretary],
    ['a new event', 'POST', '/events', () => organiser],
    ['a score', 'PUT', '/reviews/2026/4/u-s01', () => organiser],
  ])('should refuse %s with a 20,000-deep body with 400, with or without an Idempotency-Key, storing nothing', async (_label, method, path, token) => {
    const before = await snapshot()
    for (const key of [undefined, 'deep-1']) {
      const res = await api.call(method, path, {
        token: token(),
        raw: `{"contestItems":${deepArray(20_000)}}`,
        headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
      })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    expect(await snapshot()).toBe(before)
  })

  it('should still accept a body nested as deep as the contract needs', async () => {
    const res = await api.call('PUT', '/me/commitments/2026', {
      token: secretary,
      body: { items: [{ category: '集体经济', title: '发展集体经济', target: '年底前增收 30 万元', dueQuarter: 4, metric: { unit: '万元', targetValue: 30 } }] },
    })
    expect(res.status).toBe(201)
  })

  it('should parse 32 levels and refuse 33', async () => {
    // Nesting inside an unknown field: 32 levels are parsed (then refused by validation as an unknown field), 33 never.
    const nested = (n: number) => `{"x":${'['.repeat(n - 1)}${']'.repeat(n - 1)}}`
    const ok = await api.call('POST', '/events/evt-lecture-open/registration', { token: secretary, raw: nested(32), headers: { 'Content-Type': 'application/json' } })
    expect(ok.body.error.fields).toEqual({ x: '不支持的字段' })
    const deep = await api.call('POST', '/events/evt-lecture-open/registration', { token: secretary, raw: nested(33), headers: { 'Content-Type': 'application/json' } })
    expect(deep.status).toBe(400)
    expect(deep.body.error.fields).toEqual({ _: '请求体嵌套不能超过 32 层' })
  })
})

describe('requests Node refuses before the router', () => {
  it('should answer a 20 KB URL with a JSON 431 of the contract', async () => {
    const res = await rawRequest('GET', `/events?q=${'x'.repeat(20_000)}`, { Authorization: `Bearer ${secretary}` })
    expect(res.status).toBe(431)
    expect(res.type).toContain('application/json')
    const body = JSON.parse(res.text)
    expect(apiErrorBodySchema.parse(body).error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('should keep serving after such a request', async () => {
    await rawRequest('GET', `/me?${'y'.repeat(20_000)}`, {})
    expect((await api.call('GET', '/me', { token: secretary })).status).toBe(200)
  })
})
