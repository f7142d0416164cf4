import { expectParses } from '../support/contract'
import { ERROR_CODES, apiErrorBodySchema } from '@/api/contract/common'
import { eventPageSchema, eventSchema } from '@/api/contract/event'
import { honourPageSchema, honourSchema, themeMonthSchema } from '@/api/contract/honour'
import { notificationPageSchema } from '@/api/contract/notification'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// Every answer of the issue 5 endpoints must parse with the schema the client parses it with.
let api: MockApi
let secretary: string
let organiser: string
beforeAll(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
  organiser = await api.login(organiserPhone(1))
})
afterAll(() => api.close())

const expectError = (body: unknown, code: string) => {
  expectParses(apiErrorBodySchema, body)
  expect((ERROR_CODES as readonly string[]).includes(code)).toBe(true)
  expect((body as { error: { code: string } }).error.code).toBe(code)
}

describe('issue 5 answers against the contract schemas', () => {
  it.each(['', '?year=2026', '?year=2025&type=innovation&pageSize=100', '?type=retirement', '?year=2031'])(
    'should answer GET /honours%s as a page of honours to both roles',
    async (query) => {
      for (const token of [secretary, organiser]) {
        expectParses(honourPageSchema, (await api.call('GET', `/honours${query}`, { token })).body)
      }
    },
  )

  it('should answer every seeded honour as Honour', async () => {
    for (const { id } of (await api.mock.state()).honours) {
      const res = await api.call('GET', `/honours/${id}`, { token: secretary })
      expect(res.status).toBe(200)
      expectParses(honourSchema, res.body)
    }
  })

  it('should answer GET /me/honours as a page of honours', async () => {
    const res = await api.call('GET', '/me/honours', { token: secretary })
    expectParses(honourPageSchema, res.body)
    expect(res.body.items.length).toBeGreaterThan(0)
  })

  it.each([2025, 2026, 2027, 2100])('should answer GET /theme-months/%i as ThemeMonth to both roles', async (year) => {
    for (const token of [secretary, organiser]) {
      expectParses(themeMonthSchema, (await api.call('GET', `/theme-months/${year}`, { token })).body)
    }
  })

  it('should answer POST /honours as Honour, the same again with its key, and the recipient\'s notifications as a page', async () => {
    const body = { year: 2027, type: 'innovation', title: '2027年度岗位创新奖', recipientId: 'u-s05', citation: '盘活闲置农房发展民宿。', amount: 5000 }
    const headers = { 'Idempotency-Key': 'honour-contract-1' }
    const created = await api.call('POST', '/honours', { token: organiser, body, headers })
    expect(created.status).toBe(201)
    expectParses(honourSchema, created.body)
    expectParses(honourSchema, (await api.call('POST', '/honours', { token: organiser, body, headers })).body)
    const five = await api.login(secretaryPhone(5))
    expectParses(notificationPageSchema, (await api.call('GET', '/me/notifications', { token: five })).body)
  })

  it('should answer the refusals with the error body and a contract code', async () => {
    const full = { year: 2026, type: 'innovation', title: '2026年度岗位创新奖', recipientId: 'u-s05', citation: '盘活闲置农房发展民宿。', amount: 5000 }
    expectError((await api.call('POST', '/honours', { token: organiser, body: full })).body, 'AWARD_QUOTA_FULL')
    expectError((await api.call('POST', '/honours', { token: organiser, body: { ...full, amount: 1 } })).body, 'VALIDATION_FAILED')
    expectError((await api.call('GET', '/honours/hon-nope', { token: secretary })).body, 'NOT_FOUND')
    expectError((await api.call('GET', '/theme-months/1999', { token: secretary })).body, 'VALIDATION_FAILED')
    expectError((await api.call('GET', '/me/honours', { token: organiser })).body, 'FORBIDDEN')
  })

  it('should give organisers checkedInCount on Event answers, and secretaries none', async () => {
    const list = await api.call('GET', '/events?when=all&pageSize=100', { token: organiser })
    expectParses(eventPageSchema, list.body)
    for (const event of list.body.items) expect(typeof event.checkedInCount).toBe('number')
    const today = await api.call('GET', '/events/evt-field-today', { token: organiser })
    expectParses(eventSchema, today.body)
    // The seed checks in secretaries 5, 10, 15 and 20 at the event running today.
    expect(today.body.checkedInCount).toBe(4)
    const code = await api.call('GET', '/events/evt-field-today/checkin-code', { token: organiser })
    expect(today.body.checkedInCount).toBe(code.body.checkedInCount)
    const asSecretary = await api.call('GET', '/events/evt-field-today', { token: secretary })
    expect(asSecretary.body).not.toHaveProperty('checkedInCount')
  })
})

describe('GET /api/openapi.json for issue 5', () => {
  it('should describe the honour and theme-month routes with their roles, bodies and queries', async () => {
    const { paths } = (await api.call('GET', '/openapi.json')).body
    const create = paths['/honours'].post
    expect(create['x-roles']).toEqual(['organiser'])
    expect(create.responses['201']).toBeDefined()
    expect(Object.keys(create.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['year', 'type', 'title', 'recipientId', 'citation', 'amount']),
    )
    expect(create.parameters.map((p: { name: string }) => p.name)).toEqual(['Idempotency-Key'])
    expect(paths['/honours'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['year', 'type', 'page', 'pageSize']),
    )
    expect(paths['/honours/{id}'].get.responses['200']).toBeDefined()
    expect(paths['/me/honours'].get['x-roles']).toEqual(['secretary'])
    expect(paths['/theme-months/{year}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['year'])
    expect(paths['/theme-months/{year}'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('equinox')
  })
})
