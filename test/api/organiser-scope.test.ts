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
