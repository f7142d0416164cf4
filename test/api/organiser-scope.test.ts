import { createEventBody } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// API.md v1.1 organiser scope: who manages which towns, and whose phones they see whole.

let api: MockApi
beforeEach(async () => {
  api = await startMockApi()
})
afterEach(() => api.close())

const me = async (phone: string) => (await api.call('GET', '/me', { token: await api.login(phone) })).body

describe('User.scope', () => {
  it('should give 市委组织部 the whole city and each town organiser their own town, in /me and at login', async () => {
    expect((await me(organiserPhone(1))).scope).toEqual({ towns: [] })
    expect((await me(organiserPhone(2))).scope).toEqual({ towns: ['孝德镇'] })
    expect((await me(organiserPhone(3))).scope).toEqual({ towns: ['清平镇'] })
    const login = await api.call('POST', '/auth/login', { body: { phone: organiserPhone(2), code: '123456' } })
    expect(login.body.user.scope).toEqual({ towns: ['孝德镇'] })
  })

  it('should give secretaries no scope', async () => {
    expect(await me(secretaryPhone(1))).not.toHaveProperty('scope')
  })
})

describe('phones by scope', () => {
  it('should show a town organiser whole phones in their town only, and the city organiser every phone', async () => {
    const city = await api.login(organiserPhone(1))
    const town = await api.login(organiserPhone(2))
    const everyone = (await api.call('GET', '/users?role=secretary&pageSize=100', { token: city })).body.items
    const xiaode = everyone.filter((u: { town: string }) => u.town === '孝德镇')
    const elsewhere = everyone.filter((u: { town: string }) => u.town !== '孝德镇')
    expect(xiaode.length).toBeGreaterThan(0)
    expect(elsewhere.length).toBeGreaterThan(0)
    expect(everyone.every((u: { phone: string }) => /^138\d{8}$/.test(u.phone))).toBe(true)

    const seen = new Map<string, string>()
    for (const t of [...new Set(everyone.map((u: { town: string }) => u.town))] as string[]) {
      const page = await api.call('GET', `/users?role=secretary&town=${encodeURIComponent(t)}&pageSize=100`, { token: town })
      for (const u of page.body.items) seen.set(u.id, u.phone)
    }
    for (const u of xiaode) expect(seen.get(u.id)).toBe(u.phone)
    // Outside 孝德镇 a phone is either not listed to this organiser at all or masked.
    for (const u of elsewhere) expect(seen.get(u.id) ?? '138****' + u.phone.slice(-4)).toBe(`138****${u.phone.slice(-4)}`)
  })
})

describe('events by scope', () => {
  it('should let a town organiser post only for audiences inside their towns (400 on audience.towns)', async () => {
    const xiaode = await api.login(organiserPhone(2))
    const post = (towns: string[]) => api.call('POST', '/events', { token: xiaode, body: createEventBody(api, { audience: { towns } }) })
    for (const towns of [[], ['清平镇'], ['孝德镇', '清平镇']]) {
      const res = await post(towns)
      expect(res.status).toBe(400)
      expect(res.body.error.fields['audience.towns']).toContain('孝德镇')
    }
    expect((await post(['孝德镇'])).status).toBe(201)
  })

  it('should let a town organiser read every event but manage only their own towns\' with 403 OUT_OF_SCOPE', async () => {
    const xiaode = await api.login(organiserPhone(2))
    const city = await api.login(organiserPhone(1))
    const id = 'evt-lecture-open' // for everyone in the city
    expect((await api.call('GET', `/events/${id}`, { token: xiaode })).status).toBe(200)
    const manage: [string, string, unknown?][] = [
      ['PATCH', `/events/${id}`, { title: '改一个标题试试' }],
      ['POST', `/events/${id}/cancel`, { reason: '不在范围内的取消' }],
      ['GET', `/events/${id}/registrations`],
      ['GET', `/events/${id}/registrations.csv`],
      ['GET', `/events/${id}/checkin-code`],
      ['PUT', `/events/${id}/attendance/u-s01`, { attendance: 'present' }],
    ]
    const before = await api.mock.state()
    for (const [method, path, body] of manage) {
      const res = await api.call(method, path, { token: xiaode, body })
      expect([method, path, res.status, res.body.error?.code]).toEqual([method, path, 403, 'OUT_OF_SCOPE'])
    }
    expect(await api.mock.state()).toEqual(before)
    // The city organiser manages it.
    expect((await api.call('GET', `/events/${id}/registrations`, { token: city })).status).toBe(200)

    const own = await api.call('POST', '/events', { token: xiaode, body: createEventBody(api, { audience: { towns: ['孝德镇'] } }) })
    expect((await api.call('GET', `/events/${own.body.id}/registrations`, { token: xiaode })).status).toBe(200)
    const qingping = await api.login(organiserPhone(3))
    const other = await api.call('PATCH', `/events/${own.body.id}`, { token: qingping, body: { title: '清平镇改孝德镇的活动' } })
    expect(other.status).toBe(403)
    expect(other.body.error.code).toBe('OUT_OF_SCOPE')
  })
})

type Person = { id: string; town: string }
type Sheet = { id: string; status: string; owner: Person }

describe('people by scope', () => {
  it("should list to a town organiser only their towns' secretaries, and nothing for another town's filter", async () => {
    const xiaode = await api.login(organiserPhone(2))
    const mine = (await api.call('GET', '/users?role=secretary&pageSize=100', { token: xiaode })).body
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((u: Person) => u.town === '孝德镇')).toBe(true)
    expect(mine.total).toBe(mine.items.length)
    const other = await api.call('GET', `/users?role=secretary&town=${encodeURIComponent('清平镇')}`, { token: xiaode })
    expect(other.status).toBe(200)
    expect(other.body).toMatchObject({ items: [], total: 0 })
    const quarter = (await api.call('GET', '/reviews/2026/4?pageSize=100', { token: xiaode })).body
    expect(quarter.items.map((r: { user: Person }) => r.user.id).sort()).toEqual(mine.items.map((u: Person) => u.id).sort())
  })

  it("should answer 404 to a town organiser scoring another town's secretary, and change nothing", async () => {
    const city = await api.login(organiserPhone(1))
    const xiaode = await api.login(organiserPhone(2))
    const everyone: Person[] = (await api.call('GET', '/users?role=secretary&pageSize=100', { token: city })).body.items
    const outside = everyone.find((u) => u.town !== '孝德镇')!
    const inside = everyone.find((u) => u.town === '孝德镇')!
    const before = await api.mock.state()
    const refused = await api.call('PUT', `/reviews/2026/4/${outside.id}`, { token: xiaode, body: { score: 0 } })
    expect([refused.status, refused.body.error.code]).toEqual([404, 'NOT_FOUND'])
    expect(await api.mock.state()).toEqual(before)
    expect((await api.call('PUT', `/reviews/2026/4/${inside.id}`, { token: xiaode, body: { score: 88 } })).status).toBe(200)
    expect((await api.call('PUT', `/reviews/2026/4/${outside.id}`, { token: city, body: { score: 90 } })).status).toBe(200)
  })

  it("should list, show and review only their towns' commitment sheets to a town organiser (others 404)", async () => {
    const city = await api.login(organiserPhone(1))
    const xiaode = await api.login(organiserPhone(2))
    const all: Sheet[] = (await api.call('GET', '/commitments?pageSize=100', { token: city })).body.items
    const seen: Sheet[] = (await api.call('GET', '/commitments?pageSize=100', { token: xiaode })).body.items
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.map((s) => s.id).sort()).toEqual(all.filter((s) => s.owner.town === '孝德镇').map((s) => s.id).sort())
    const foreign = all.find((s) => s.owner.town !== '孝德镇' && s.status === 'submitted')!
    expect(foreign).toBeDefined()
    expect((await api.call('GET', `/commitments/${foreign.id}`, { token: xiaode })).status).toBe(404)
    const before = await api.mock.state()
    const review = await api.call('POST', `/commitments/${foreign.id}/review`, { token: xiaode, body: { decision: 'approve' } })
    expect([review.status, review.body.error.code]).toEqual([404, 'NOT_FOUND'])
    expect(await api.mock.state()).toEqual(before)
    expect((await api.call('GET', `/commitments/${foreign.id}`, { token: city })).status).toBe(200)
  })

  it("should give a town organiser their towns' rows of the year's ranking, with the city-wide ranks", async () => {
    const city = (await api.call('GET', '/assessments/2025', { token: await api.login(organiserPhone(1)) })).body.ranking
    const town = (await api.call('GET', '/assessments/2025', { token: await api.login(organiserPhone(2)) })).body.ranking
    const expected = city.filter((r: { user: Person }) => r.user.town === '孝德镇')
    expect(town.length).toBeGreaterThan(0)
    expect(town.length).toBeLessThan(city.length)
    expect(town.map((r: { user: Person; rank: number }) => [r.user.id, r.rank])).toEqual(
      expected.map((r: { user: Person; rank: number }) => [r.user.id, r.rank]),
    )
  })

  it('should keep honours to 市委组织部: a town organiser gets 403 OUT_OF_SCOPE before the body is read', async () => {
    const xiaode = await api.login(organiserPhone(2))
    const before = await api.mock.state()
    for (const body of [{}, { type: 'innovation', recipientId: 'u-s01', year: 2027, title: '岗位创新奖', citation: '带领村民发展产业' }]) {
      const res = await api.call('POST', '/honours', { token: xiaode, body })
      expect([res.status, res.body.error.code]).toEqual([403, 'OUT_OF_SCOPE'])
    }
    expect(await api.mock.state()).toEqual(before)
  })
})
