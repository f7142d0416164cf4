import { commitmentSchema } from '@/api/contract/commitment'
import { expectParses } from '../support/contract'
import { TINY_PNG, approvedSheet, completeItems, uploadFile } from '../support/commitments'
import { createSecretaries, organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// PINNED_NOW is 2026-12-01 (China time): this year is 2026, in its fourth quarter.
const YEAR = 2026
let api: MockApi
let secretary: string // u-extra-0: a fresh secretary with no sheet
let other: string // u-extra-1
let organiser: string
beforeEach(async () => {
  api = await startMockApi()
  ;[secretary, other] = await createSecretaries(api, 2)
  organiser = await api.login(organiserPhone(1))
})
afterEach(() => api.close())

const save = (body: unknown, token = secretary, year = YEAR, headers?: Record<string, string>) =>
  api.call('PUT', `/me/commitments/${year}`, { token, body, headers })
const submit = (token = secretary, year = YEAR, headers?: Record<string, string>) =>
  api.call('POST', `/me/commitments/${year}/submit`, { token, headers })
const review = (id: string, body: unknown, token = organiser, headers?: Record<string, string>) =>
  api.call('POST', `/commitments/${id}/review`, { token, body, headers })
const mine = (token = secretary, year = YEAR) => api.call('GET', `/me/commitments/${year}`, { token })
const progress = (itemId: string, quarter: number | string, body: unknown, token = secretary, year = YEAR) =>
  api.call('PUT', `/me/commitments/${year}/items/${itemId}/progress/${quarter}`, { token, body })
const notificationsOf = async (token: string) => (await api.call('GET', '/me/notifications?pageSize=100', { token })).body.items
const sheetsInStore = async () => (await api.mock.state()).commitments.filter((c) => c.ownerId === 'u-extra-0')

describe('GET /me/commitments/:year', () => {
  it('should check 401, then 403 for an organiser, then 400 for a bad year, then 404 when there is no sheet', async () => {
    expect((await api.call('GET', `/me/commitments/${YEAR}`)).status).toBe(401)
    expect((await mine(organiser)).status).toBe(403)
    const bad = await api.call('GET', '/me/commitments/20x6', { token: secretary })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields).toHaveProperty('year')
    const none = await mine()
    expect(none.status).toBe(404)
    expect(none.body.error.code).toBe('NOT_FOUND')
  })

  it('should give a secretary only their own sheet', async () => {
    await save({ items: completeItems(3) })
    expect((await mine(other)).status).toBe(404)
    expect((await mine()).body.owner.id).toBe('u-extra-0')
  })
})

describe('PUT /me/commitments/:year (save the draft)', () => {
  it('should create a draft with 201, then save it with 200, keeping the ids of items sent with their id', async () => {
    const created = await save({ items: [{ category: '产业发展', title: '扩大猕猴桃种植' }] })
    expect(created.status).toBe(201)
    expectParses(commitmentSchema, created.body)
    expect(created.body).toMatchObject({ year: YEAR, status: 'draft', completion: 0 })
    const [first] = created.body.items
    expect(first).toMatchObject({ category: '产业发展', title: '扩大猕猴桃种植', progress: [], latestPercent: 0 })
    expect(first.target).toBeUndefined()
    const saved = await save({ items: [{ title: '新的一项' }, { id: first.id, category: '产业发展', title: '扩大猕猴桃种植', target: '新增 200 亩' }] })
    expect(saved.status).toBe(200)
    expect(saved.body.id).toBe(created.body.id)
    expect(saved.body.items[1]).toMatchObject({ id: first.id, target: '新增 200 亩' })
    expect(saved.body.items[0].id).not.toBe(first.id)
    expect(await sheetsInStore()).toHaveLength(1)
  })

  it('should treat an item with an id the sheet does not know as a new item with a new id', async () => {
    const res = await save({ items: [{ id: 'local-123', title: '本地草稿的一项' }] })
    expect(res.status).toBe(201)
    expect(res.body.items[0].id).not.toBe('local-123')
    expect(res.body.items[0].title).toBe('本地草稿的一项')
  })

  it('should refuse the same id twice in one body', async () => {
    const created = await save({ items: [{ title: '第一项' }] })
    const id = created.body.items[0].id
    const res = await save({ items: [{ id, title: '第一项' }, { id, title: '第二项' }] })
    expect(res.status).toBe(400)
    expect(res.body.error.fields).toHaveProperty(['items.1.id'])
  })

  it('should refuse 11 items and accept 10', async () => {
    const eleven = await save({ items: completeItems(11) })
    expect(eleven.status).toBe(400)
    expect(eleven.body.error.code).toBe('VALIDATION_FAILED')
    expect(eleven.body.error.fields).toHaveProperty('items')
    expect(await sheetsInStore()).toHaveLength(0)
    expect((await save({ items: completeItems(10) })).status).toBe(201)
  })

  it.each([
    ['a 1-character title', { title: '猕' }, 'items.0.title'],
    ['a 61-character title', { title: '猕'.repeat(61) }, 'items.0.title'],
    ['a 201-character target', { target: '目'.repeat(201) }, 'items.0.target'],
    ['an unknown category', { category: '文化旅游' }, 'items.0.category'],
    ['quarter 5', { dueQuarter: 5 }, 'items.0.dueQuarter'],
    ['quarter 1.5', { dueQuarter: 1.5 }, 'items.0.dueQuarter'],
    ['a metric without unit', { metric: { targetValue: 10 } }, 'items.0.metric.unit'],
    ['a metric with a negative target', { metric: { unit: '亩', targetValue: -1 } }, 'items.0.metric.targetValue'],
    ['a control character in the title', { title: '猕猴\u0007桃' }, 'items.0.title'],
    ['an unknown item field', { title: '猕猴桃', owner: 'u-s02' }, 'items.0.owner'],
  ])('should refuse %s with 400 and the field, storing nothing', async (_, item, field) => {
    const res = await save({ items: [item] })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.fields).toHaveProperty([field])
    expect(await sheetsInStore()).toHaveLength(0)
  })

  it('should accept a 60-character title and a 200-character target, counting code points, and trim them', async () => {
    const res = await save({ items: [{ title: `  ${'𠀀'.repeat(60)}  `, target: '目'.repeat(200) }] })
    expect(res.status).toBe(201)
    expect(res.body.items[0].title).toBe('𠀀'.repeat(60))
  })

  it('should refuse unknown top-level fields, a missing items list and a year that is over', async () => {
    expect((await save({ items: [], status: 'approved' })).body.error.fields).toHaveProperty(['status'])
    expect((await save({})).status).toBe(400)
    const past = await save({ items: [] }, secretary, YEAR - 1)
    expect(past.status).toBe(400)
    expect(past.body.error.fields).toHaveProperty('year')
    expect((await save({ items: [] }, secretary, YEAR + 1)).status).toBe(201)
  })

  it('should refuse an organiser with 403 before looking at the body', async () => {
    const res = await save({ items: 'nonsense' }, organiser)
    expect(res.status).toBe(403)
  })
})

describe('the state machine', () => {
  it('should run draft → submitted → returned → (edit, stays returned) → submitted → approved, and lock where API.md says', async () => {
    const draft = await save({ items: completeItems(3) })
    const id = draft.body.id
    const submitted = await submit()
    expect(submitted.status).toBe(200)
    expect(submitted.body.status).toBe('submitted')
    expect(submitted.body.submittedAt).toMatch(/\+08:00$/)

    const lockedWhileSubmitted = await save({ items: completeItems(4) })
    expect(lockedWhileSubmitted.status).toBe(409)
    expect(lockedWhileSubmitted.body.error.code).toBe('COMMITMENT_LOCKED')
    expect((await submit()).body.error.code).toBe('COMMITMENT_LOCKED')

    const noComment = await review(id, { decision: 'return' })
    expect(noComment.status).toBe(400)
    expect(noComment.body.error.fields).toHaveProperty('comment')
    const blankComment = await review(id, { decision: 'return', comment: '   ' })
    expect(blankComment.status).toBe(400)
    expect(blankComment.body.error.fields).toHaveProperty('comment')
    expect((await mine()).body.status).toBe('submitted')

    const returned = await review(id, { decision: 'return', comment: '第 2 项目标请写明数字' })
    expect(returned.status).toBe(200)
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '第 2 项目标请写明数字' })
    expect(returned.body.reviewedAt).toBeDefined()
    expect((await review(id, { decision: 'approve' })).body.error.code).toBe('COMMITMENT_NOT_SUBMITTED')

    const edited = await save({ items: completeItems(4) })
    expect(edited.status).toBe(200)
    expect(edited.body.status).toBe('returned')
    expect(edited.body.items).toHaveLength(4)

    expect((await submit()).body.status).toBe('submitted')
    const approved = await review(id, { decision: 'approve', comment: '同意' })
    expect(approved.status).toBe(200)
    expect(approved.body).toMatchObject({ status: 'approved', reviewComment: '同意' })
    expectParses(commitmentSchema, approved.body)

    expect((await save({ items: completeItems(3) })).body.error.code).toBe('COMMITMENT_LOCKED')
    expect((await submit()).body.error.code).toBe('COMMITMENT_LOCKED')
    const again = await review(id, { decision: 'return', comment: '再退回' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('COMMITMENT_NOT_SUBMITTED')
    expect((await mine()).body.status).toBe('approved')
  })

  it('should refuse to review a draft with 409 COMMITMENT_NOT_SUBMITTED', async () => {
    const draft = await save({ items: completeItems(3) })
    const res = await review(draft.body.id, { decision: 'approve' })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('COMMITMENT_NOT_SUBMITTED')
  })

  it('should check review in the order 401, 403, 400, 404, 409', async () => {
    const draft = await save({ items: completeItems(3) })
    expect((await api.call('POST', `/commitments/${draft.body.id}/review`, { body: { decision: 'approve' } })).status).toBe(401)
    expect((await review(draft.body.id, { decision: 'approve' }, secretary)).status).toBe(403)
    expect((await review('cmt-none', { decision: 'maybe' })).status).toBe(400)
    expect((await review('cmt-none', { decision: 'approve', extra: 1 })).status).toBe(400)
    expect((await review('cmt-none', { decision: 'approve' })).status).toBe(404)
    expect((await review(draft.body.id, { decision: 'approve' })).status).toBe(409)
  })

  it('should refuse to submit fewer than 3 items, or items with missing fields, naming what is missing', async () => {
    await save({ items: completeItems(2) })
    const few = await submit()
    expect(few.status).toBe(400)
    expect(few.body.error.fields).toHaveProperty('items')
    const items = completeItems(3)
    await save({ items: [items[0], { category: '民生实事', title: '修路' }, items[2]] })
    const missing = await submit()
    expect(missing.status).toBe(400)
    expect(missing.body.error.fields).toEqual({ 'items.1.target': expect.any(String), 'items.1.dueQuarter': expect.any(String) })
    expect((await mine()).body.status).toBe('draft')
  })

  it('should answer 404 to submitting a sheet that does not exist and 400 to a submit body with fields', async () => {
    expect((await submit()).status).toBe(404)
    await save({ items: completeItems(3) })
    expect((await api.call('POST', `/me/commitments/${YEAR}/submit`, { token: secretary, body: { force: true } })).status).toBe(400)
  })

  it('should notify the owner on return and on approval, with the kinds and the commitments link, and nobody else', async () => {
    const { id } = (await save({ items: completeItems(3) })).body
    await submit()
    await review(id, { decision: 'return', comment: '请补充资金来源' })
    await submit()
    await review(id, { decision: 'approve' })
    const notes = await notificationsOf(secretary)
    expect(notes.map((n: { kind: string }) => n.kind)).toEqual(['commitment_approved', 'commitment_returned'])
    for (const n of notes) expect(n.link).toBe('/pages/commitments/index')
    expect(notes[1].body).toContain('请补充资金来源')
    expect(await notificationsOf(other)).toEqual([])
    expect((await notificationsOf(organiser)).filter((n: { kind: string }) => n.kind.startsWith('commitment'))).toEqual([])
  })
})

describe('idempotent replays', () => {
  it('should answer a replayed submit with the first answer and change nothing', async () => {
    await save({ items: completeItems(3) })
    const headers = { 'Idempotency-Key': 'submit-1' }
    const first = await submit(secretary, YEAR, headers)
    api.setNow(Date.parse('2026-12-01T10:00:00+08:00'))
    const again = await submit(secretary, YEAR, headers)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
  })

  it('should answer a replayed review with the first answer and notify once; the same key with another body → 422', async () => {
    const { id } = (await save({ items: completeItems(3) })).body
    await submit()
    const headers = { 'Idempotency-Key': 'review-1' }
    const first = await review(id, { decision: 'approve' }, organiser, headers)
    const again = await review(id, { decision: 'approve' }, organiser, headers)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(await notificationsOf(secretary)).toHaveLength(1)
    const reused = await review(id, { decision: 'return', comment: '改主意了' }, organiser, headers)
    expect(reused.status).toBe(422)
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })
})

describe('PUT /me/commitments/:year/items/:itemId/progress/:quarter', () => {
  it('should refuse progress on a draft, a submitted and a returned sheet with 409 COMMITMENT_NOT_APPROVED', async () => {
    const { id, items } = (await save({ items: completeItems(3) })).body
    const body = { percent: 30, note: '进展顺利' }
    expect((await progress(items[0].id, 1, body)).body.error.code).toBe('COMMITMENT_NOT_APPROVED')
    await submit()
    expect((await progress(items[0].id, 1, body)).body.error.code).toBe('COMMITMENT_NOT_APPROVED')
    await review(id, { decision: 'return', comment: '请修改' })
    const res = await progress(items[0].id, 1, body)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('COMMITMENT_NOT_APPROVED')
  })

  it('should record a report, compute latestPercent and completion, and replace a repeated quarter', async () => {
    const sheet = await approvedSheet(api, secretary, organiser, YEAR)
    const [a, b] = sheet.items
    const first = await progress(a.id, 1, { percent: 30, value: 9, note: '已完成方案' })
    expect(first.status).toBe(200)
    expectParses(commitmentSchema, first.body)
    expect(first.body.items[0]).toMatchObject({ latestPercent: 30, progress: [{ quarter: 1, percent: 30, value: 9, note: '已完成方案', photos: [] }] })
    expect(first.body.completion).toBe(10)
    await progress(a.id, 3, { percent: 70 })
    await progress(b.id, 2, { percent: 50, note: '' })
    const replaced = await progress(a.id, 1, { percent: 40, note: '方案已修订' })
    const item = replaced.body.items[0]
    expect(item.progress.map((p: { quarter: number; percent: number }) => [p.quarter, p.percent])).toEqual([
      [1, 40],
      [3, 70],
    ])
    expect(item.progress[0].note).toBe('方案已修订')
    expect(item.latestPercent).toBe(70)
    expect(replaced.body.completion).toBe(40)
  })

  it('should refuse a quarter that has not started under a pinned clock with 409 QUARTER_NOT_STARTED', async () => {
    await api.travel('2027-02-10T10:00:00+08:00')
    const sheet = await approvedSheet(api, secretary, organiser, 2027)
    const itemId = sheet.items[0].id
    const q2 = await progress(itemId, 2, { percent: 10 }, secretary, 2027)
    expect(q2.status).toBe(409)
    expect(q2.body.error.code).toBe('QUARTER_NOT_STARTED')
    expect((await progress(itemId, 4, { percent: 10 }, secretary, 2027)).status).toBe(409)
    expect((await progress(itemId, 1, { percent: 10 }, secretary, 2027)).status).toBe(200)
    // The first instant of Q2 in China time is 2027-04-01 00:00 +08:00, i.e. 03-31 16:00 UTC.
    await api.travel('2027-03-31T15:59:59Z')
    expect((await progress(itemId, 2, { percent: 20 }, secretary, 2027)).status).toBe(409)
    api.setNow('2027-03-31T16:00:00Z')
    expect((await progress(itemId, 2, { percent: 20 }, secretary, 2027)).status).toBe(200)
  })

  it.each([
    ['percent 101', { percent: 101 }, 'percent'],
    ['percent -1', { percent: -1 }, 'percent'],
    ['no percent', { note: '只有说明' }, 'percent'],
    ['a 501-character note', { percent: 10, note: '字'.repeat(501) }, 'note'],
    ['10 photos', { percent: 10, photos: Array.from({ length: 10 }, (_, i) => `http://127.0.0.1/uploads/AAAAAAAAAAAAAAAA${i}.png`) }, 'photos'],
    ['a photo from elsewhere', { percent: 10, photos: ['https://example.com/a.jpg'] }, 'photos.0'],
    ['an unknown field', { percent: 10, reportedAt: '2026-01-01T00:00:00Z' }, 'reportedAt'],
  ])('should refuse %s with 400 and the field', async (_, body, field) => {
    const sheet = await approvedSheet(api, secretary, organiser, YEAR)
    const res = await progress(sheet.items[0].id, 1, body)
    expect(res.status).toBe(400)
    expect(res.body.error.fields).toHaveProperty([field])
    expect((await mine()).body.items[0].progress).toEqual([])
  })

  it('should accept a 500-character note with line breaks', async () => {
    const sheet = await approvedSheet(api, secretary, organiser, YEAR)
    const note = `第一行\n${'字'.repeat(496)}`
    expect((await progress(sheet.items[0].id, 1, { percent: 10, note })).body.items[0].progress[0].note).toBe(note)
  })

  it('should accept only photos uploaded to this server, and answer them as absolute URLs', async () => {
    const sheet = await approvedSheet(api, secretary, organiser, YEAR)
    const uploaded = (await uploadFile(api, secretary, TINY_PNG, { filename: 'a.png' })).body.url as string
    const name = uploaded.split('/').pop()!
    const neverUploaded = uploaded.replace(name, `ZZZZZZZZZZZZZZZZZZZZZZZZ.png`)
    const refused = await progress(sheet.items[0].id, 1, { percent: 10, photos: [uploaded, neverUploaded] })
    expect(refused.status).toBe(400)
    expect(Object.keys(refused.body.error.fields)).toEqual(['photos.1'])
    const ok = await progress(sheet.items[0].id, 1, { percent: 10, photos: [uploaded] })
    expect(ok.status).toBe(200)
    expect(ok.body.items[0].progress[0].photos).toEqual([uploaded])
  })

  it('should refuse a value for an item without a metric, and 400 for quarter 5 before looking for the item', async () => {
    const sheet = await approvedSheet(api, secretary, organiser, YEAR)
    const noMetric = sheet.items[1]
    expect(noMetric.metric).toBeUndefined()
    const res = await progress(noMetric.id, 1, { percent: 10, value: 3 })
    expect(res.status).toBe(400)
    expect(res.body.error.fields).toHaveProperty('value')
    expect((await progress('itm-none', 5, { percent: 10 })).status).toBe(400)
    expect((await progress('itm-none', 1, { percent: 10 })).status).toBe(404)
    expect((await progress(sheet.items[0].id, 1, { percent: 10 }, other)).status).toBe(404)
    expect((await progress(sheet.items[0].id, 1, { percent: 10 }, organiser)).status).toBe(403)
  })
})

describe('GET /commitments (organisers)', () => {
  it('should list the year\'s sheets, drafts included, filtered by status and town, and refuse secretaries', async () => {
    expect((await api.call('GET', '/commitments', { token: secretary })).status).toBe(403)
    const all = await api.call('GET', `/commitments?year=${YEAR}&pageSize=100`, { token: organiser })
    expect(all.status).toBe(200)
    expect(all.body.total).toBe(39)
    const statuses = new Set(all.body.items.map((c: { status: string }) => c.status))
    expect(statuses).toEqual(new Set(['draft', 'submitted', 'returned', 'approved']))
    const submitted = await api.call('GET', `/commitments?year=${YEAR}&status=submitted&pageSize=100`, { token: organiser })
    expect(submitted.body.items.every((c: { status: string }) => c.status === 'submitted')).toBe(true)
    expect(submitted.body.items.map((c: { owner: { id: string } }) => c.owner.id)).toContain('u-s03')
    const town = await api.call('GET', `/commitments?year=${YEAR}&town=${encodeURIComponent('孝德镇')}&pageSize=100`, { token: organiser })
    expect(town.body.items.length).toBeGreaterThan(0)
    expect(town.body.items.every((c: { owner: { town: string } }) => c.owner.town === '孝德镇')).toBe(true)
    expect((await api.call('GET', '/commitments?status=done', { token: organiser })).status).toBe(400)
    expect((await api.call('GET', '/commitments?year=26', { token: organiser })).status).toBe(400)
  })

  it('should default to this year, show a new draft first and give one sheet by id', async () => {
    const draft = await save({ items: [{ title: '刚写的一项' }] })
    const list = await api.call('GET', '/commitments', { token: organiser })
    expect(list.body.items[0].id).toBe(draft.body.id)
    const one = await api.call('GET', `/commitments/${draft.body.id}`, { token: organiser })
    expect(one.status).toBe(200)
    expect(one.body.owner.phone).toBe('13700000000')
    expect((await api.call('GET', '/commitments/cmt-none', { token: organiser })).status).toBe(404)
    expect((await api.call('GET', `/commitments/${draft.body.id}`, { token: secretary })).status).toBe(403)
  })
})

describe('the seed', () => {
  it('should hold this year\'s sheets in every state for the demo accounts', async () => {
    const token = async (n: number) => api.login(secretaryPhone(n))
    expect((await mine(await token(1))).status).toBe(404)
    expect((await mine(await token(2))).body.status).toBe('draft')
    expect((await mine(await token(3))).body.status).toBe('submitted')
    const returned = (await mine(await token(4))).body
    expect(returned.status).toBe('returned')
    expect(returned.reviewComment).toBeTruthy()
    expect((await notificationsOf(await token(4)))[0].kind).toBe('commitment_returned')
    const approved = (await mine(await token(5))).body
    expect(approved.status).toBe('approved')
    // Quarters 1–3 are over at the pinned now (December), so each item has three reports.
    expect(approved.items.every((i: { progress: unknown[] }) => i.progress.length === 3)).toBe(true)
    expect(approved.completion).toBeGreaterThan(0)
  })

  it('should hold last year\'s approved sheets with four quarters of progress for all 40 secretaries', async () => {
    const list = await api.call('GET', `/commitments?year=${YEAR - 1}&pageSize=100`, { token: organiser })
    expect(list.body.total).toBe(40)
    for (const sheet of list.body.items) {
      expectParses(commitmentSchema, sheet)
      expect(sheet.status).toBe('approved')
      expect(sheet.items.length).toBeGreaterThanOrEqual(3)
      for (const item of sheet.items) expect(item.progress.map((p: { quarter: number }) => p.quarter)).toEqual([1, 2, 3, 4])
    }
  })

  it('should let the seeded approved secretary report this quarter and the draft secretary submit once complete', async () => {
    const five = await api.login(secretaryPhone(5))
    const sheet = (await mine(five)).body
    const res = await progress(sheet.items[0].id, 4, { percent: 100, note: '全年完成' }, five)
    expect(res.status).toBe(200)
    const two = await api.login(secretaryPhone(2))
    expect((await submit(two)).status).toBe(400)
  })
})
