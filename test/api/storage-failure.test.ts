import { startMockApi, secretaryPhone, organiserPhone, type MockApi } from '../support/mock-api'

// API.md v1.1 "Writes are atomic": when the change cannot be made durable the answer is 503
// STORAGE_UNAVAILABLE and nothing is kept. The fault makes the database itself refuse the commit.

let api: MockApi
let secretary: string
let organiser: string
beforeAll(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
  organiser = await api.login(organiserPhone(1))
})
afterAll(() => api.close())

// Sessions are left out (logins of other tests), and so are the id sequences: like PostgreSQL's
// own, a number drawn by a transaction that rolled back is skipped, never reused.
const withoutSessions = async () => JSON.stringify({ ...(await api.mock.state()), sessions: null, counters: null })

describe('a commit the database refuses', () => {
  it('should answer 503 STORAGE_UNAVAILABLE, keep nothing, and apply a retry with the same key once', async () => {
    const before = await withoutSessions()
    expect((await api.call('POST', '/__mock/faults', { body: { failCommits: 1 } })).status).toBe(200)
    const headers = { 'Idempotency-Key': 'signup-under-fault' }
    const refused = await api.call('POST', '/events/evt-lecture-open/registration', { token: secretary, body: {}, headers })
    expect(refused.status).toBe(503)
    expect(refused.body.error.code).toBe('STORAGE_UNAVAILABLE')
    expect(refused.body.error.message).toMatch(/没有生效/)
    expect(await withoutSessions()).toBe(before)

    const retried = await api.call('POST', '/events/evt-lecture-open/registration', { token: secretary, body: {}, headers })
    expect(retried.status).toBe(201)
    const again = await api.call('POST', '/events/evt-lecture-open/registration', { token: secretary, body: {}, headers })
    expect(again.status).toBe(201)
    expect(again.body).toEqual(retried.body)
    const stored = (await api.mock.state()).registrations['evt-lecture-open'].filter((r) => r.userId === 'u-s01')
    expect(stored).toHaveLength(1)
  })

  it('should keep neither the honour nor its notification of a refused award', async () => {
    const state = await api.mock.state()
    const honours = state.honours.length
    const notes = state.notifications.length
    api.mock.failCommits(1)
    const res = await api.call('POST', '/honours', {
      token: organiser,
      body: { year: 2026, type: 'excellent', title: '优秀村党组织书记', recipientId: 'u-s02', citation: '带领村民发展集体经济。' },
    })
    expect(res.status).toBe(503)
    const after = await api.mock.state()
    expect(after.honours).toHaveLength(honours)
    expect(after.notifications).toHaveLength(notes)
  })

  it('should leave reads alone and refuse only as many commits as were armed', async () => {
    api.mock.failCommits(1)
    expect((await api.call('GET', '/events', { token: secretary })).status).toBe(200)
    expect((await api.call('POST', '/me/notifications/read-all', { token: secretary })).status).toBe(503)
    expect((await api.call('POST', '/me/notifications/read-all', { token: secretary })).status).toBe(204)
  })

  it('should refuse a faults body that is not a count', async () => {
    const res = await api.call('POST', '/__mock/faults', { body: { failCommits: -1 } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
  })
})
