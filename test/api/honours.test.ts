import { randomUUID } from 'node:crypto'
import { insertHonour } from '../../mock/repos/honours'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'
import { awardQuotaFullMessage } from '@/api/contract/honour'

// PINNED_NOW is 1 Dec 2026: the seed holds the 2026 and 2025 ceremonies (30 岗位创新奖 each); 2027 has none yet.
let api: MockApi
let secretary: string // u-s01
let organiser: string
beforeEach(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
  organiser = await api.login(organiserPhone(1))
})
afterEach(() => api.close())

type Body = Record<string, unknown>
const award = (overrides: Body = {}): Body => ({
  year: 2027,
  type: 'innovation',
  title: '2027年度岗位创新奖',
  recipientId: 'u-s02',
  citation: '带领年画村探索“飞地经济”，村集体经济年收入增长到 35 万元。',
  amount: 5000,
  ...overrides,
})
const post = (body: unknown, token = organiser, headers: Record<string, string> = {}) =>
  api.call('POST', '/honours', { token, body, headers })
const innovationCount = async (year: number) =>
  (await api.mock.state()).honours.filter((h) => h.type === 'innovation' && h.year === year).length
/** Adds innovation awards for `year` straight to the store until there are `count`. */
async function fillInnovation(year: number, count: number) {
  const from = await innovationCount(year)
  await api.mock.write(async (tx) => {
    for (let i = from; i < count; i += 1) {
      await insertHonour(tx, {
        id: `hon-fill-${year}-${i}`,
        year,
        type: 'innovation',
        title: `${year}年度岗位创新奖`,
        recipientId: `u-s${String((i % 40) + 1).padStart(2, '0')}`,
        citation: '测试颁奖词',
        amount: 5000,
        awardedAt: api.mock.clock.now(),
        createdBy: 'u-o1',
      })
    }
  })
}
const snapshot = async () => {
  const state = await api.mock.state()
  return JSON.stringify(state.honours) + JSON.stringify(state.notifications)
}

describe('GET /honours', () => {
  it('should list every year newest first, the latest ceremony grouped by type', async () => {
    const res = await api.call('GET', '/honours?pageSize=100', { token: secretary })
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(86)
    const years = res.body.items.map((h: { year: number }) => h.year)
    expect(years.slice(0, 43).every((y: number) => y === 2026)).toBe(true)
    expect(years.slice(43).every((y: number) => y === 2025)).toBe(true)
    const types = res.body.items.slice(0, 43).map((h: { type: string }) => h.type)
    expect(types).toEqual([...Array(30).fill('innovation'), ...Array(5).fill('excellent'), ...Array(6).fill('contest'), 'retirement', 'retirement'])
  })

  it('should filter by year and type and show the 岗位创新奖 with 5000 yuan on 春分日', async () => {
    const res = await api.call('GET', '/honours?year=2025&type=innovation&pageSize=50', { token: secretary })
    expect(res.body.total).toBe(30)
    for (const honour of res.body.items) {
      expect(honour).toMatchObject({ year: 2025, type: 'innovation', amount: 5000, awardedAt: '2025-03-20T10:00:00+08:00' })
      expect(honour.citation.length).toBeGreaterThan(20)
      expect(honour.recipient.village).toBeTruthy()
    }
    expect(new Set(res.body.items.map((h: { recipient: { id: string } }) => h.recipient.id)).size).toBe(30)
    expect((await api.call('GET', '/honours?year=2027', { token: secretary })).body.total).toBe(0)
  })

  it('should mask the recipients\' phones for secretaries but not for organisers', async () => {
    const other = (await api.call('GET', '/honours?type=retirement&pageSize=1', { token: secretary })).body.items[0]
    expect(other.recipient.phone).toMatch(/^138\*\*\*\*\d{4}$/)
    const full = (await api.call('GET', '/honours?type=retirement&pageSize=1', { token: organiser })).body.items[0]
    expect(full.recipient.phone).toMatch(/^138\d{8}$/)
  })

  it('should refuse bad queries with 400', async () => {
    for (const query of ['?year=26', '?type=medal', '?pageSize=101', '?bogus=1', '?year=2026&year=2025']) {
      const res = await api.call('GET', `/honours${query}`, { token: secretary })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
  })

  it('should answer 401 without a token', async () => {
    expect((await api.call('GET', '/honours')).status).toBe(401)
    expect((await api.call('GET', '/honours/hon-2026-inn-01')).status).toBe(401)
  })
})

describe('GET /honours/:id', () => {
  it('should show one honour to anyone signed in', async () => {
    for (const token of [secretary, organiser]) {
      const res = await api.call('GET', '/honours/hon-2026-inn-01', { token })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ id: 'hon-2026-inn-01', type: 'innovation', recipient: { id: 'u-s01' }, amount: 5000 })
    }
  })

  it('should answer 404 to an unknown id', async () => {
    const res = await api.call('GET', '/honours/hon-nope', { token: secretary })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
  })
})

describe('GET /me/honours', () => {
  it('should list only the caller\'s honours', async () => {
    const res = await api.call('GET', '/me/honours', { token: secretary })
    expect(res.status).toBe(200)
    expect(res.body.total).toBeGreaterThanOrEqual(1)
    expect(res.body.items.every((h: { recipient: { id: string } }) => h.recipient.id === 'u-s01')).toBe(true)
    expect(res.body.total).toBe((await api.mock.state()).honours.filter((h) => h.recipientId === 'u-s01').length)
    const two = await api.call('GET', '/me/honours', { token: await api.login(secretaryPhone(2)) })
    expect(two.body.items.every((h: { recipient: { id: string } }) => h.recipient.id === 'u-s02')).toBe(true)
  })

  it('should filter by year', async () => {
    const res = await api.call('GET', '/me/honours?year=2026', { token: secretary })
    expect(res.body.items.map((h: { id: string }) => h.id)).toEqual(['hon-2026-inn-01', 'hon-2026-con-01'])
  })

  it('should answer 401 without a token and 403 to an organiser', async () => {
    expect((await api.call('GET', '/me/honours')).status).toBe(401)
    const res = await api.call('GET', '/me/honours', { token: organiser })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('FORBIDDEN')
  })
})

describe('POST /honours', () => {
  it('should publish an honour (201) and notify the recipient with a link to it', async () => {
    const res = await post(award())
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      year: 2027,
      type: 'innovation',
      title: '2027年度岗位创新奖',
      recipient: { id: 'u-s02', phone: '13800000002' },
      amount: 5000,
      awardedAt: '2026-12-01T09:30:00+08:00',
    })
    const two = await api.login(secretaryPhone(2))
    const notes = await api.call('GET', '/me/notifications', { token: two })
    expect(notes.body.items[0]).toMatchObject({
      kind: 'honour_awarded',
      link: `/packages/common/pages/honour-detail/index?id=${res.body.id}`,
      read: false,
    })
    expect(notes.body.items[0].body).toContain('岗位创新奖')
    expect((await api.call('GET', `/honours/${res.body.id}`, { token: two })).status).toBe(200)
  })

  it('should answer 401 without a token and 403 to a secretary, before validating, storing nothing', async () => {
    const before = await snapshot()
    expect((await post(award(), '')).status).toBe(401)
    const res = await post({ bogus: true }, secretary)
    expect(res.status).toBe(403)
    expect(await snapshot()).toBe(before)
  })

  it.each([
    ['an unknown field', { bogus: 1 }, 'bogus'],
    ['a year before 2000', { year: 1999 }, 'year'],
    ['a year after 2100', { year: 2101 }, 'year'],
    ['a fractional year', { year: 2027.5 }, 'year'],
    ['an unknown type', { type: 'medal' }, 'type'],
    ['a one-character title', { title: '奖' }, 'title'],
    ['a 61-character title', { title: '奖'.repeat(61) }, 'title'],
    ['a control character in the title', { title: '岗位\u0007创新奖' }, 'title'],
    ['a line break in the title', { title: '岗位\n创新奖' }, 'title'],
    ['a control character in the citation', { citation: '带领群众\u0000致富' }, 'citation'],
    ['a 501-character citation', { citation: '字'.repeat(501) }, 'citation'],
    ['a missing recipient', { recipientId: undefined }, 'recipientId'],
    ['a negative amount', { type: 'contest', amount: -1 }, 'amount'],
  ])('should refuse %s with 400 and store nothing', async (_label, patch, field) => {
    const before = await snapshot()
    const res = await post(award(patch))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.fields).toHaveProperty(field)
    expect(await snapshot()).toBe(before)
  })

  it('should keep line breaks and tabs in the citation and trim the title', async () => {
    const res = await post(award({ title: '  2027年度岗位创新奖  ', citation: '第一段。\n\t第二段。' }))
    expect(res.status).toBe(201)
    expect(res.body.title).toBe('2027年度岗位创新奖')
    expect(res.body.citation).toBe('第一段。\n\t第二段。')
  })

  it.each([[undefined], [4999], [5001], [0]])('should refuse a 岗位创新奖 with amount %p (400 on amount)', async (amount) => {
    const res = await post(award({ amount }))
    expect(res.status).toBe(400)
    expect(res.body.error.fields.amount).toContain('5000')
  })

  it('should let other honours carry any amount or none', async () => {
    expect((await post(award({ type: 'contest', title: '技能比武 一等奖', amount: 800 }))).status).toBe(201)
    const none = await post(award({ type: 'retirement', title: '荣退：扎根村级工作 30 年', amount: undefined }))
    expect(none.status).toBe(201)
    expect(none.body).not.toHaveProperty('amount')
  })

  it('should refuse a recipient who is not a secretary with 400 on recipientId', async () => {
    for (const recipientId of ['u-s99', 'u-o2']) {
      const before = await snapshot()
      const res = await post(award({ recipientId }))
      expect(res.status).toBe(400)
      expect(res.body.error.fields.recipientId).toBeTruthy()
      expect(await snapshot()).toBe(before)
    }
  })

  it('should allow the 30th 岗位创新奖 of a year and refuse the 31st with AWARD_QUOTA_FULL', async () => {
    await fillInnovation(2027, 29)
    expect((await post(award())).status).toBe(201)
    expect(await innovationCount(2027)).toBe(30)
    const before = await snapshot()
    const res = await post(award({ recipientId: 'u-s03' }))
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('AWARD_QUOTA_FULL')
    // The same words the 发布荣誉 form shows when it already knows the quota is full.
    expect(res.body.error.message).toBe(awardQuotaFullMessage(2027))
    expect(res.body.error.message).toContain('30')
    expect(await snapshot()).toBe(before)
  })

  it('should refuse a 岗位创新奖 for the already full seeded year', async () => {
    expect(await innovationCount(2026)).toBe(30)
    expect((await post(award({ year: 2026 }))).status).toBe(409)
  })

  it('should give exactly the last 2 places to 5 concurrent requests, refusing 3 with 409', async () => {
    await fillInnovation(2027, 28)
    const results = await Promise.all(
      [2, 3, 4, 5, 6].map((n) => post(award({ recipientId: `u-s0${n}` }), organiser, { 'Idempotency-Key': randomUUID() })),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([201, 201, 409, 409, 409])
    expect(await innovationCount(2027)).toBe(30)
    const notified = (await api.mock.state()).notifications.filter((n) => n.kind === 'honour_awarded')
    expect(notified).toHaveLength(2)
  })

  it('should count the quota per year', async () => {
    await fillInnovation(2027, 30)
    expect((await post(award())).status).toBe(409)
    expect((await post(award({ year: 2028 }))).status).toBe(201)
    // Other types are not counted.
    expect((await post(award({ type: 'excellent', title: '2027年度优秀书记', amount: undefined }))).status).toBe(201)
  })

  it('should answer the same Idempotency-Key and body with the first answer, once', async () => {
    const key = randomUUID()
    const first = await post(award(), organiser, { 'Idempotency-Key': key })
    const again = await post(award(), organiser, { 'Idempotency-Key': key })
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(await innovationCount(2027)).toBe(1)
    const reused = await post(award({ recipientId: 'u-s03' }), organiser, { 'Idempotency-Key': key })
    expect(reused.status).toBe(422)
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })
})
