import { apiErrorBodySchema } from '@/api/contract/common'
import { ROUTES } from '../../mock/server'
import { ENDPOINT_SAMPLES, callSample, resetFor, routeKey, signIn } from '../support/endpoint-samples'
import { startMockApi, type MockApi } from '../support/mock-api'

// API.md v1.1 organiser scope, as rows of the authorization matrix: every route an organiser may call,
// called by 清平镇's organiser on another town's (or the whole city's) data.
let api: MockApi
beforeAll(async () => {
  api = await startMockApi()
})
afterAll(() => api.close())

const CODE_OF: Record<number, string> = { 400: 'VALIDATION_FAILED', 403: 'OUT_OF_SCOPE', 404: 'NOT_FOUND' }
const organiserRoutes = ENDPOINT_SAMPLES.filter((s) => s.expect.organiser < 300 && s.expect.secretary === 403)

describe('the scope rows of the authorization matrix', () => {
  it('should decide the town organiser\'s answer for every organiser-only route', () => {
    const organiserOnly = ROUTES.filter((r) => Array.isArray(r.access) && r.access.length === 1 && r.access[0] === 'organiser').map(routeKey).sort()
    expect(organiserRoutes.map(routeKey).sort()).toEqual(organiserOnly)
    expect(organiserRoutes.filter((s) => s.townOrganiser === undefined).map(routeKey)).toEqual([])
  })

  it.each(organiserRoutes.map((s) => [routeKey(s), s.townOrganiser, s] as const))(
    'should answer %s called by 清平镇\'s organiser with %i, changing nothing when it refuses',
    async (_key, expected, sample) => {
      await resetFor(api, sample)
      const token = await signIn(api, 'u-o3')
      const before = JSON.stringify({ ...(await api.mock.state()), sessions: null })
      const res = await callSample(api, sample, token)
      expect(res.status).toBe(expected)
      if (expected! >= 400) {
        expect(apiErrorBodySchema.safeParse(res.body).success).toBe(true)
        expect(res.body.error.code).toBe(CODE_OF[expected!])
        expect(JSON.stringify({ ...(await api.mock.state()), sessions: null })).toBe(before)
      } else if (Array.isArray(res.body?.items)) {
        // A list: nothing of another town.
        for (const item of res.body.items as Record<string, any>[]) {
          const town = item.town ?? item.user?.town ?? item.owner?.town
          if (town !== undefined) expect(town).toBe('清平镇')
        }
      }
    },
  )
})
