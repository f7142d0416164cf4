import { createEvent } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// PINNED_NOW is 1 Dec 2026: the seed has the theme-month events of March 2027 and the 2026 and 2025 honours.
let api: MockApi
let secretary: string // u-s01, 剑南街道
let organiser: string
beforeEach(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
  organiser = await api.login(organiserPhone(1))
})
afterEach(() => api.close())

const themeMonth = (year: number | string, token = secretary) => api.call('GET', `/theme-months/${year}`, { token })
const ids = (res: { body: { activities: { id: string }[] } }) => res.body.activities.map((e) => e.id)
/** China-time instant of a wall-clock time. */
const at = (local: string) => Date.parse(`${local}+08:00`)

describe('GET /theme-months/:year', () => {
  it('should put 春分 2027 on 21 March and list the March events by start, the ceremony on that day', async () => {
    const res = await themeMonth(2027)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ year: 2027, equinox: '2027-03-21', honours: [] })
    expect(ids(res)).toEqual(['evt-theme-opening', 'evt-theme-contest', 'evt-theme-exchange', 'evt-theme-equinox', 'evt-theme-lecture'])
    const ceremony = res.body.activities.find((e: { id: string }) => e.id === 'evt-theme-equinox')
    expect(ceremony.title).toContain('春分日')
    expect(ceremony.startAt.slice(0, 10)).toBe('2027-03-21')
    for (const event of res.body.activities) expect(event.startAt.slice(0, 7)).toBe('2027-03')
  })

  it('should put 春分 2026 on 20 March and give that year\'s honours', async () => {
    const res = await themeMonth(2026)
    expect(res.status).toBe(200)
    expect(res.body.equinox).toBe('2026-03-20')
    expect(res.body.honours).toHaveLength(43)
    expect(res.body.honours.filter((h: { type: string }) => h.type === 'innovation')).toHaveLength(30)
    expect(res.body.honours.every((h: { year: number; awardedAt: string }) => h.year === 2026 && h.awardedAt.startsWith('2026-03-20'))).toBe(true)
  })

  it('should take March in China time: in from 1 March 00:00, out from 1 April 00:00', async () => {
    const first = await createEvent(api, { startAt: at('2027-03-01T00:00:00'), endAt: at('2027-03-01T02:00:00'), signupDeadline: at('2027-02-27T00:00:00') })
    const last = await createEvent(api, { startAt: at('2027-03-31T23:59:00'), endAt: at('2027-04-01T01:00:00'), signupDeadline: at('2027-03-30T00:00:00') })
    const before = await createEvent(api, { startAt: at('2027-02-28T23:59:00'), endAt: at('2027-03-01T01:00:00'), signupDeadline: at('2027-02-27T00:00:00') })
    const after = await createEvent(api, { startAt: at('2027-04-01T00:00:00'), endAt: at('2027-04-01T02:00:00'), signupDeadline: at('2027-03-30T00:00:00') })
    const found = ids(await themeMonth(2027))
    expect(found[0]).toBe(first.id)
    expect(found[found.length - 1]).toBe(last.id)
    expect(found).not.toContain(before.id)
    expect(found).not.toContain(after.id)
  })

  it('should list only the March events the caller may see', async () => {
    const march = { startAt: at('2027-03-08T09:00:00'), endAt: at('2027-03-08T11:00:00'), signupDeadline: at('2027-03-06T09:00:00') }
    const otherTown = await createEvent(api, { ...march, audienceTowns: ['清平镇'] })
    const draft = await createEvent(api, { ...march, status: 'draft' })
    const mine = await createEvent(api, { ...march, audienceTowns: ['剑南街道'] })
    const asSecretary = ids(await themeMonth(2027))
    expect(asSecretary).toContain(mine.id)
    expect(asSecretary).not.toContain(otherTown.id)
    expect(asSecretary).not.toContain(draft.id)
    // Organisers see every event, drafts included, with the check-in count.
    const asOrganiser = await themeMonth(2027, organiser)
    expect(ids(asOrganiser)).toEqual(expect.arrayContaining([otherTown.id, draft.id, mine.id]))
    expect(asOrganiser.body.activities[0].checkedInCount).toBe(0)
  })

  it('should show the secretary\'s own registration in the activities', async () => {
    const signUp = await api.call('POST', '/events/evt-theme-equinox/registration', { token: secretary })
    expect(signUp.status).toBe(201)
    const ceremony = (await themeMonth(2027)).body.activities.find((e: { id: string }) => e.id === 'evt-theme-equinox')
    expect(ceremony.myRegistration).toMatchObject({ status: 'registered' })
    expect(ceremony).not.toHaveProperty('checkedInCount')
  })

  it('should answer a year without events or honours with empty lists', async () => {
    const res = await themeMonth(2100)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ year: 2100, equinox: '2100-03-20', activities: [], honours: [] })
    expect((await themeMonth(2000)).body.equinox).toBe('2000-03-20')
  })

  it.each(['1999', '2101', '27', '20277', 'abcd', '2027.0', '-2027'])('should refuse the year %s with 400', async (year) => {
    const res = await themeMonth(year)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.fields).toHaveProperty('year')
  })

  it('should refuse unknown query parameters with 400', async () => {
    expect((await api.call('GET', '/theme-months/2027?town=孝德镇', { token: secretary })).status).toBe(400)
  })

  it('should answer 401 without a token', async () => {
    const res = await api.call('GET', '/theme-months/2027')
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('UNAUTHORIZED')
  })
})

describe('the theme month seed', () => {
  it('should seed the next March whose 春分 has not come, wherever the clock stands', async () => {
    // Just before the 2027 ceremony starts, the seed still builds March 2027; just after, March 2028.
    api.setNow('2027-03-21T08:00:00+08:00')
    await api.call('POST', '/__mock/reset')
    const before = await themeMonth(2027, await api.login(secretaryPhone(1)))
    expect(ids(before)).toContain('evt-theme-equinox')
    expect(before.body.honours).toEqual([])
    api.setNow('2027-03-21T12:00:00+08:00')
    await api.call('POST', '/__mock/reset')
    const token = await api.login(secretaryPhone(1))
    const next = await themeMonth(2028, token)
    expect(next.body.equinox).toBe('2028-03-20')
    expect(next.body.activities.find((e: { id: string }) => e.id === 'evt-theme-equinox').startAt).toBe('2028-03-20T09:00:00+08:00')
    // The 2027 ceremony at 10:00 is now over: its honours are seeded.
    expect((await themeMonth(2027, token)).body.honours.filter((h: { type: string }) => h.type === 'innovation')).toHaveLength(30)
  })
})
