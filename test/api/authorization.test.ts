import { createEventBody } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// Every endpoint of issue 3 refuses strangers (401), the wrong role (403) and what the caller may not see (404).
let api: MockApi
let secretary: string // 13800000001, 剑南街道
let organiser: string
beforeEach(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
  organiser = await api.login(organiserPhone(1))
})
afterEach(() => api.close())

type Endpoint = { method: string; path: string; body?: unknown }
const organiserOnly: Endpoint[] = [
  { method: 'POST', path: '/events' },
  { method: 'PATCH', path: '/events/evt-lecture-open', body: { title: '强村讲堂：改名' } },
  { method: 'POST', path: '/events/evt-lecture-open/cancel', body: { reason: '场地冲突，改期' } },
  { method: 'GET', path: '/events/evt-lecture-full/registrations' },
  { method: 'GET', path: '/events/evt-lecture-full/registrations.csv' },
  { method: 'GET', path: '/events/evt-field-today/checkin-code' },
  { method: 'PUT', path: '/events/evt-lecture-full/attendance/u-s02', body: { attendance: 'leave' } },
]
const secretaryOnly: Endpoint[] = [
  { method: 'POST', path: '/events/evt-lecture-next/leave', body: { reason: '村里防汛值班' } },
  { method: 'POST', path: '/events/evt-field-today/checkin', body: { code: '123456' } },
  { method: 'GET', path: '/me/attendance' },
]
const anyone: Endpoint[] = [
  { method: 'GET', path: '/me/notifications' },
  { method: 'POST', path: '/me/notifications/read-all' },
  { method: 'POST', path: '/me/notifications/ntf-seed-1/read' },
]
const label = (e: Endpoint) => `${e.method} ${e.path}`
const call = (e: Endpoint, token?: string, body = e.body) => api.call(e.method, e.path, { token, body })
/** The store as JSON, to prove a refused request changed nothing. */
const snapshot = async () => JSON.stringify({ ...(await api.mock.state()), sessions: null, idempotency: null })

describe('authorization of the issue 3 endpoints', () => {
  it.each([...organiserOnly, ...secretaryOnly, ...anyone].map((e) => [label(e), e] as const))(
    'should answer 401 to %s without a token or with an unknown one, changing nothing',
    async (_label, endpoint) => {
      const before = await snapshot()
      for (const token of [undefined, 'not-a-token']) {
        const res = await call(endpoint, token)
        expect(res.status).toBe(401)
        expect(res.body.error.code).toBe('UNAUTHORIZED')
      }
      expect(await snapshot()).toBe(before)
    },
  )

  it.each(organiserOnly.map((e) => [label(e), e] as const))(
    'should answer 403 to a secretary calling %s, before validating the request',
    async (_label, endpoint) => {
      const before = await snapshot()
      const invalid = endpoint.method === 'GET' ? { ...endpoint, path: `${endpoint.path}?bogus=1` } : { ...endpoint, body: { bogus: true } }
      const res = await call(invalid, secretary)
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
      expect(await snapshot()).toBe(before)
    },
  )

  it.each(secretaryOnly.map((e) => [label(e), e] as const))(
    'should answer 403 to an organiser calling %s',
    async (_label, endpoint) => {
      const res = await call(endpoint, organiser)
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('FORBIDDEN')
    },
  )

  it('should let an organiser post after a secretary was refused', async () => {
    expect((await api.call('POST', '/events', { token: secretary, body: createEventBody(api) })).status).toBe(403)
    expect((await api.call('POST', '/events', { token: organiser, body: createEventBody(api) })).status).toBe(201)
  })

  describe('what a secretary may not see answers 404', () => {
    it.each([
      ['a draft', 'evt-contest-draft'],
      ['another town\'s event', 'evt-exchange-mountain'],
      ['an unknown event', 'no-such-event'],
      ['a cancelled event they had not joined', 'evt-exchange-cancelled'],
    ])('should answer 404 to leave and check-in on %s', async (_label, id) => {
      const leave = await api.call('POST', `/events/${id}/leave`, { token: secretary, body: { reason: '村里有事' } })
      expect(leave.status).toBe(404)
      const checkin = await api.call('POST', `/events/${id}/checkin`, { token: secretary, body: { code: '123456' } })
      expect(checkin.status).toBe(404)
    })

    it('should answer 404 to reading another person\'s notification', async () => {
      const res = await api.call('POST', '/me/notifications/ntf-seed-1/read', { token: secretary })
      expect(res.status).toBe(404)
    })

    it('should show a secretary only their own attendance', async () => {
      const res = await api.call('GET', '/me/attendance', { token: secretary })
      expect(res.body.records.length).toBeGreaterThan(0)
      for (const record of res.body.records) expect(record.event.myRegistration.userId).toBe('u-s01')
      // Secretary 1 did not attend the 片区交流 of the 山前 towns; others did.
      expect(res.body.records.map((r: { event: { id: string } }) => r.event.id)).not.toContain('evt-exchange-past')
    })
  })

  describe('organiser endpoints on an unknown event or person answer 404', () => {
    it.each(organiserOnly.filter((e) => e.path !== '/events').map((e) => [label(e), e] as const))(
      'should answer 404 to %s on an unknown event',
      async (_label, endpoint) => {
        const res = await call({ ...endpoint, path: endpoint.path.replace(/evt-[a-z-]+/, 'no-such-event') }, organiser)
        expect(res.status).toBe(404)
      },
    )

    it('should answer 404 to an override for someone not on the roster', async () => {
      const res = await api.call('PUT', '/events/evt-lecture-full/attendance/u-s40', { token: organiser, body: { attendance: 'present' } })
      expect(res.status).toBe(404)
    })
  })
})
