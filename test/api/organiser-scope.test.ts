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
