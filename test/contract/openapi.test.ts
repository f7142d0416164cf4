import { ROUTES } from '../../mock/server'
import { startMockApi, type MockApi } from '../support/mock-api'

let api: MockApi
beforeAll(async () => {
  api = await startMockApi()
})
afterAll(() => api.close())

describe('GET /api/openapi.json', () => {
  it('should describe every route of the mock with its method, parameters and schemas', async () => {
    const res = await api.call('GET', '/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    for (const route of ROUTES) {
      const path = route.path.replace(/:(\w+)/g, '{$1}')
      const operation = res.body.paths[path]?.[route.method.toLowerCase()]
      expect(operation).toBeDefined()
      expect(operation.responses.default).toBeDefined()
    }
    const signUp = res.body.paths['/events/{id}/registration'].post
    expect(signUp.requestBody.content['application/json'].schema.properties.contestItems).toBeDefined()
    expect(signUp.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'Idempotency-Key'])
    const list = res.body.paths['/events'].get
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['type', 'when', 'q', 'mine', 'page', 'pageSize']))
  })
})
