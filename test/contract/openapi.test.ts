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

describe('GET /api/openapi.json for issue 3', () => {
  it('should describe the CSV export as text/csv and the new bodies, queries and keys', async () => {
    const { paths } = (await api.call('GET', '/openapi.json')).body
    expect(paths['/events/{id}/registrations.csv'].get.responses['200'].content['text/csv']).toBeDefined()
    expect(paths['/events'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('contestItems')
    expect(paths['/events'].post.responses['201']).toBeDefined()
    expect(paths['/events/{id}/checkin'].post.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'Idempotency-Key'])
    expect(paths['/events/{id}/registrations'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['id', 'status', 'attendance', 'page', 'pageSize']),
    )
    expect(paths['/events/{id}/attendance/{userId}'].put['x-roles']).toEqual(['organiser'])
    expect(paths['/me/attendance'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['year'])
    expect(paths['/me/notifications/{id}/read'].post.responses['204']).toBeDefined()
  })
})
