import { apiErrorBodySchema } from '@/api/contract/common'
import { compile, match } from '../../mock/router'
import { ROUTES } from '../../mock/server'
import { CALLERS, ENDPOINT_SAMPLES, callSample, resetFor, routeKey, type Caller } from '../support/endpoint-samples'
import { startMockApi, type MockApi } from '../support/mock-api'

// Issue 6: every endpoint × {no token, the owner secretary, another secretary, an organiser} → status,
// each cell from a freshly reset mock so that one cell's effect cannot decide another's answer.
let api: MockApi
beforeAll(async () => {
  api = await startMockApi()
})
afterAll(() => api.close())

const ERROR_CODE_OF: Record<number, string> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }

describe('the authorization matrix', () => {
  it('should name every route of the mock exactly once, and no route that does not exist', () => {
    const routes = ROUTES.map(routeKey).sort()
    const table = ENDPOINT_SAMPLES.map(routeKey).sort()
    expect(new Set(table).size).toBe(table.length)
    expect(table).toEqual(routes)
  })

  it('should give each sample a path that the route it names matches', () => {
    const compiled = ROUTES.map(compile)
    for (const sample of ENDPOINT_SAMPLES) {
      const found = match(compiled, sample.method, sample.path.split('?')[0])
      expect(found && 'route' in found ? routeKey(found.route) : null).toBe(routeKey(sample))
    }
  })

  const cells = ENDPOINT_SAMPLES.flatMap((sample) =>
    CALLERS.map((caller) => [routeKey(sample), caller, sample.expect[caller], sample, caller] as const),
  )

  it.each(cells)('should answer %s called by %s with %i', async (_key, _who, expected, sample, caller: Caller) => {
    const tokens = await resetFor(api, sample)
    const before = JSON.stringify({ ...(await api.mock.state()), sessions: null })
    const res = await callSample(api, sample, tokens[caller])
    expect({ status: res.status, body: res.status >= 400 ? res.body : undefined }).toMatchObject({ status: expected })
    if (expected >= 400) {
      expect(apiErrorBodySchema.safeParse(res.body).success).toBe(true)
      if (ERROR_CODE_OF[expected]) expect(res.body.error.code).toBe(ERROR_CODE_OF[expected])
      // A refused request changes nothing.
      expect(JSON.stringify({ ...(await api.mock.state()), sessions: null })).toBe(before)
    }
  })
})
