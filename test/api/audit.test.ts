import { createEventBody } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// API.md v1.1 "Audit": every organiser change, for 市委组织部; a secretary's own score history.

let api: MockApi
let city: string
beforeEach(async () => {
  api = await startMockApi()
  city = await api.login(organiserPhone(1))
})
afterEach(() => api.close())

type Entry = { id: string; at: string; by: { id: string; name: string }; action: string; entity: string; entityId: string; before?: any; after?: any }
const audit = async (query: string, token = city): Promise<Entry[]> => {
  const res = await api.call('GET', `/audit?pageSize=100&${query}`, { token })
  expect(res.status).toBe(200)
  return res.body.items
}

describe('GET /audit', () => {
  it('should record an event created, edited and cancelled, newest first, with only the changed fields', async () => {
    const created = await api.call('POST', '/events', { token: city, body: createEventBody(api) })
    const id = created.body.id
    await api.call('PATCH', `/events/${id}`, { token: city, body: { capacity: 40, title: '强村讲堂：改过的标题' } })
    await api.call('POST', `/events/${id}/cancel`, { token: city, body: { reason: '天气原因改期' } })
    const entries = await audit(`entity=events&entityId=${id}`)
    expect(entries.map((e) => e.action)).toEqual(['cancel', 'update', 'create'])
    expect(entries.every((e) => e.by.id === 'u-o1' && e.entityId === id && e.at.endsWith('+08:00'))).toBe(true)
    expect(entries[1].before).toEqual({ title: '强村讲堂：集体经济项目谋划', capacity: 30 })
    expect(entries[1].after).toEqual({ title: '强村讲堂：改过的标题', capacity: 40 })
    expect(entries[2]).not.toHaveProperty('before')
    expect(entries[2].after).toMatchObject({ title: '强村讲堂：集体经济项目谋划', capacity: 30, status: 'published' })
    expect(entries[0]).toMatchObject({ before: { status: 'published' }, after: { status: 'cancelled', cancelReason: '天气原因改期' } })
  })

  it('should record attendance, review scores, honours and commitment reviews under their path ids', async () => {
    await api.call('PUT', '/events/evt-lecture-past1/attendance/u-s09', { token: city, body: { attendance: 'present', note: '补录' } })
    await api.call('PUT', '/reviews/2026/4/u-s35', { token: city, body: { score: 88 } })
    const honour = await api.call('POST', '/honours', {
      token: city,
      body: { type: 'innovation', recipientId: 'u-s01', year: 2027, title: '岗位创新奖', citation: '带领村民发展年画产业', amount: 5000 },
    })
    expect(honour.status).toBe(201)
    const sheets = (await api.call('GET', '/commitments?status=submitted', { token: city })).body.items
    await api.call('POST', `/commitments/${sheets[0].id}/review`, { token: city, body: { decision: 'approve' } })

    const [attendance] = await audit('entity=attendance')
    expect(attendance).toMatchObject({ action: 'set', entityId: 'evt-lecture-past1/u-s09', after: { attendance: 'present', note: '补录' } })
    const [review] = await audit('entity=reviews&entityId=2026/4/u-s35')
    expect(review.after).toEqual({ score: 88 })
    expect(review).not.toHaveProperty('before')
    expect((await audit(`entity=honours&entityId=${honour.body.id}`))[0]).toMatchObject({ action: 'create', after: { recipientId: 'u-s01', year: 2027 } })
    expect((await audit('entity=commitments'))[0]).toMatchObject({ action: 'review', entityId: sheets[0].id, before: { status: 'submitted' }, after: { status: 'approved' } })
    expect((await audit('')).length).toBe(4)
  })

  it('should add nothing for a refused change, nor for a replay with the same Idempotency-Key', async () => {
    const xiaode = await api.login(organiserPhone(2))
    await api.call('PATCH', '/events/evt-lecture-open', { token: xiaode, body: { title: '不在范围内的修改' } })
    await api.call('PATCH', '/events/evt-lecture-full', { token: city, body: { capacity: 1 } })
    const headers = { 'Idempotency-Key': 'score-once' }
    for (let i = 0; i < 3; i++) await api.call('PUT', '/reviews/2026/4/u-s06', { token: city, body: { score: 90 }, headers })
    const entries = await audit('')
    expect(entries.map((e) => e.entityId)).toEqual(['2026/4/u-s06'])
  })

  it('should filter by author and page newest first', async () => {
    const xiaode = await api.login(organiserPhone(2))
    const own = await api.call('POST', '/events', { token: xiaode, body: createEventBody(api, { audience: { towns: ['孝德镇'] } }) })
    await api.call('POST', '/events', { token: city, body: createEventBody(api) })
    const mine = await audit('by=u-o2')
    expect(mine.map((e) => [e.entityId, e.by.id])).toEqual([[own.body.id, 'u-o2']])
    const page = await api.call('GET', '/audit?pageSize=1&page=2', { token: city })
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 })
    expect(page.body.items[0].by.id).toBe('u-o2')
    expect((await api.call('GET', '/audit?entity=nothing', { token: city })).status).toBe(400)
  })

  it('should be the city organisers\' alone: a town organiser 403 OUT_OF_SCOPE, a secretary 403, nobody 401', async () => {
    const town = await api.call('GET', '/audit', { token: await api.login(organiserPhone(3)) })
    expect([town.status, town.body.error.code]).toEqual([403, 'OUT_OF_SCOPE'])
    expect((await api.call('GET', '/audit', { token: await api.login(secretaryPhone(1)) })).status).toBe(403)
    expect((await api.call('GET', '/audit')).status).toBe(401)
  })
})

describe('GET /me/scores history', () => {
  it("should show a secretary every change of their own scores, newest first, with the organiser's name only", async () => {
    const secretary = await api.login(secretaryPhone(5))
    const seeded = (await api.call('GET', '/me/scores?year=2026', { token: secretary })).body
    expect(seeded.history).toEqual([])
    const q4 = seeded.quarters.find((q: { quarter: number }) => q.quarter === 4)?.score ?? null
    await api.call('PUT', '/reviews/2026/4/u-s05', { token: city, body: { score: 80 } })
    api.setNow(Date.parse('2026-12-01T10:00:00+08:00'))
    await api.call('PUT', '/reviews/2026/4/u-s05', { token: city, body: { score: 85.5, comment: '复核后调整' } })
    await api.call('PUT', '/reviews/2026/4/u-s06', { token: city, body: { score: 70 } })
    const mine = await api.call('GET', '/me/scores?year=2026', { token: secretary })
    expect(mine.status).toBe(200)
    const history = mine.body.history as { at: string; by: Record<string, unknown>; quarter: number; from: number | null; to: number }[]
    // Secretary 6's change is not secretary 5's history.
    expect(history.map(({ quarter, from, to }) => ({ quarter, from, to }))).toEqual([
      { quarter: 4, from: 80, to: 85.5 },
      { quarter: 4, from: q4, to: 80 },
    ])
    expect(history[0].at).toBe('2026-12-01T10:00:00+08:00')
    expect(history[0].by).toEqual({ name: expect.any(String) })
    expect(mine.body.quarters.find((q: { quarter: number }) => q.quarter === 4).score).toBe(85.5)
  })
})
