import { tokenHash } from '../../mock/db/seed-store'
import { ROUTES } from '../../mock/server'
import { ENDPOINT_SAMPLES, callSample, callerFor, resetFor, routeKey, sampleBody, type EndpointSample } from '../support/endpoint-samples'
import { startMockApi, type MockApi } from '../support/mock-api'

// Issue 6: every endpoint that honours Idempotency-Key, replayed 10× one after another and 10× at once
// with one key: one effect on the store and ten identical answers; the key with another body → 422.
let api: MockApi
beforeAll(async () => {
  api = await startMockApi()
})
afterAll(() => api.close())

const idempotentKeys = new Set(ROUTES.filter((r) => r.idempotent).map(routeKey))
const samples = ENDPOINT_SAMPLES.filter((s) => idempotentKeys.has(routeKey(s)))
const rows = samples.map((s) => [routeKey(s), s] as const)

/**
 * The store, table by table as JSON, with what is random per run blanked (the token or upload name of
 * an answer and the token's hash that keys its session, a new event's check-in secret), so that two
 * runs from the same seed compare.
 */
async function storeOf(answer: { body: any }): Promise<Record<string, string>> {
  const token = typeof answer.body?.token === 'string' && answer.body.token ? answer.body.token : undefined
  const randoms = [token, typeof answer.body?.url === 'string' ? answer.body.url.split('/').pop() : undefined]
  const tables: Record<string, string> = {}
  const state = await api.mock.state()
  // Sessions come ordered by their hash, so a random token's session sits anywhere: blank it, then sort.
  const hash = token && tokenHash(token)
  state.sessions = Object.fromEntries(
    Object.entries(state.sessions)
      .map(([key, session]) => [key === hash ? '<random>' : key, session] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  )
  for (const [table, value] of Object.entries(state)) {
    let json = JSON.stringify(value).replace(/"checkinSecret":"[0-9a-f]+"/g, '"checkinSecret":"<random>"')
    for (const r of randoms) if (typeof r === 'string' && r) json = json.split(r).join('<random>')
    tables[table] = json
  }
  return tables
}

/** Names of the tables that differ between two stores (so a failure names them, not 300 KB of JSON). */
const changedTables = (a: Record<string, string>, b: Record<string, string>) =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((t) => a[t] !== b[t])

const answerOf = (res: { status: number; text: string }) => ({ status: res.status, text: res.text })

/** A body that differs from the sample's (a stray field; `{}` where the sample sends none). */
async function otherBody(api: MockApi, sample: EndpointSample): Promise<unknown> {
  const body = await sampleBody(api, sample)
  if (typeof body === 'string') return `${body}\r\n政策理论,判断,另一个请求的题目。,,,,,,,A,,1`
  return body && typeof body === 'object' ? { ...body, 另一个请求: true } : {}
}

describe('Idempotency-Key on every endpoint that honours it', () => {
  it('should cover every mutating route but /auth/*, which never stores answers (API.md v1.1)', () => {
    const mutating = ROUTES.filter((r) => r.method !== 'GET')
    expect(mutating.filter((r) => !r.idempotent).map(routeKey)).toEqual([
      'POST /auth/sms-code',
      'POST /auth/login',
      'POST /auth/logout',
      'POST /auth/logout-all',
    ])
    expect(mutating.filter((r) => r.idempotent && r.path.startsWith('/auth/'))).toEqual([])
    expect(samples).toHaveLength(idempotentKeys.size)
  })

  it.each(rows)('should give %s one effect and ten identical answers, sent one after another or all at once', async (_key, sample) => {
    const caller = callerFor(sample)

    let tokens = await resetFor(api, sample)
    const first = await callSample(api, sample, tokens[caller], { headers: { 'Idempotency-Key': 'replay-1' } })
    expect(first.status).toBe(sample.expect[caller])
    const afterOne = await storeOf(first)
    for (let i = 1; i < 10; i += 1) {
      const again = await callSample(api, sample, tokens[caller], { headers: { 'Idempotency-Key': 'replay-1' } })
      expect(answerOf(again)).toEqual(answerOf(first))
    }
    expect(changedTables(await storeOf(first), afterOne)).toEqual([])

    // All at once, from the same seed: the same single effect, and every answer alike.
    tokens = await resetFor(api, sample)
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => callSample(api, sample, tokens[caller], { headers: { 'Idempotency-Key': 'replay-1' } })),
    )
    for (const res of burst) expect(answerOf(res)).toEqual(answerOf(burst[0]))
    expect(burst[0].status).toBe(first.status)
    expect(changedTables(await storeOf(burst[0]), afterOne)).toEqual([])
  })

  it.each(rows)('should refuse %s with 422 IDEMPOTENCY_KEY_REUSED when the key comes back with another body, changing nothing', async (_key, sample) => {
    const caller = callerFor(sample)
    const tokens = await resetFor(api, sample)
    const first = await callSample(api, sample, tokens[caller], { headers: { 'Idempotency-Key': 'reused-1' } })
    expect(first.status).toBe(sample.expect[caller])
    const after = await storeOf(first)
    const other = sample.upload
      ? await callSample(api, sample, tokens[caller], { headers: { 'Idempotency-Key': 'reused-1' }, file: Buffer.concat([Buffer.from('not the same file')]) })
      : await callSample(api, sample, tokens[caller], { headers: { 'Idempotency-Key': 'reused-1' }, body: await otherBody(api, sample) })
    expect(other.status).toBe(422)
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    expect(changedTables(await storeOf(first), after)).toEqual([])
    // The first answer still stands for its own body.
    const replay = await callSample(api, sample, tokens[caller], { headers: { 'Idempotency-Key': 'reused-1' } })
    expect(answerOf(replay)).toEqual(answerOf(first))
  })
})
