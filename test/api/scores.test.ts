import { ASSESSMENT_FORMULA } from '@/api/contract/assessment'
import { assessmentSchema, myScoresSchema, quarterScorePageSchema, reviewScoreSchema } from '@/api/contract/score'
import { expectParses } from '../support/contract'
import { approvedSheet } from '../support/commitments'
import { createSecretaries, organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// PINNED_NOW is 2026-12-01 (China time): 2026 runs (Q4), 2025 is over.
const YEAR = 2026
let api: MockApi
let organiser: string
let secretary: string // u-s05, seeded with an approved sheet and scores
beforeEach(async () => {
  api = await startMockApi()
  organiser = await api.login(organiserPhone(1))
  secretary = await api.login(secretaryPhone(5))
})
afterEach(() => api.close())

const putScore = (year: number, quarter: number | string, userId: string, body: unknown, token = organiser, headers?: Record<string, string>) =>
  api.call('PUT', `/reviews/${year}/${quarter}/${userId}`, { token, body, headers })
const myScores = (query = '', token = secretary) => api.call('GET', `/me/scores${query}`, { token })
const assessment = (year: number, token = organiser) => api.call('GET', `/assessments/${year}`, { token })

describe('PUT /reviews/:year/:quarter/:userId', () => {
  it('should store a score with its comment, answer it, and replace it when entered again', async () => {
    const res = await putScore(YEAR, 4, 'u-s05', { score: 88.5, comment: '现场汇报扎实' })
    expect(res.status).toBe(200)
    expectParses(reviewScoreSchema, res.body)
    expect(res.body).toMatchObject({ year: YEAR, quarter: 4, userId: 'u-s05', score: 88.5, comment: '现场汇报扎实' })
    const again = await putScore(YEAR, 4, 'u-s05', { score: 90 })
    expect(again.body.score).toBe(90)
    expect(again.body.comment).toBeUndefined()
    expect((await api.mock.state()).reviewScores.filter((s) => s.year === YEAR && s.quarter === 4 && s.userId === 'u-s05')).toHaveLength(1)
    expect((await myScores()).body.quarters.find((q: { quarter: number }) => q.quarter === 4)).toEqual({ quarter: 4, score: 90 })
  })

  it('should check in the order 401, 403, 400, 404, 409', async () => {
    expect((await api.call('PUT', `/reviews/${YEAR}/4/u-s05`, { body: { score: 80 } })).status).toBe(401)
    expect((await putScore(YEAR, 4, 'u-s05', { score: 80 }, secretary)).status).toBe(403)
    expect((await putScore(YEAR, 4, 'u-none', { score: 101 })).status).toBe(400)
    expect((await putScore(YEAR, 4, 'u-none', { score: 80 })).status).toBe(404)
    expect((await putScore(YEAR, 4, 'u-o2', { score: 80 })).status).toBe(404)
    const future = await putScore(YEAR + 1, 1, 'u-none', { score: 80 })
    expect(future.status).toBe(404)
    const notStarted = await putScore(YEAR + 1, 1, 'u-s05', { score: 80 })
    expect(notStarted.status).toBe(409)
    expect(notStarted.body.error.code).toBe('QUARTER_NOT_STARTED')
  })

  it.each([
    ['101', { score: 101 }, 'score'],
    ['-0.5', { score: -0.5 }, 'score'],
    ['80.3 (not a step of 0.5)', { score: 80.3 }, 'score'],
    ['a string', { score: '80' }, 'score'],
    ['no score', { comment: '好' }, 'score'],
    ['a 501-character comment', { score: 80, comment: '评'.repeat(501) }, 'comment'],
    ['an unknown field', { score: 80, rank: 1 }, 'rank'],
  ])('should refuse a score of %s with 400 and the field', async (_, body, field) => {
    const res = await putScore(YEAR, 3, 'u-s05', body)
    expect(res.status).toBe(400)
    expect(res.body.error.fields).toHaveProperty([field])
  })

  it('should refuse quarter 0 and 5 and a malformed year with 400', async () => {
    expect((await putScore(YEAR, 0, 'u-s05', { score: 80 })).body.error.fields).toHaveProperty('quarter')
    expect((await putScore(YEAR, 5, 'u-s05', { score: 80 })).status).toBe(400)
    expect((await putScore(1999, 1, 'u-s05', { score: 80 })).body.error.fields).toHaveProperty('year')
  })

  it('should accept the bounds 0 and 100 and a past year', async () => {
    expect((await putScore(YEAR, 1, 'u-s05', { score: 0 })).status).toBe(200)
    expect((await putScore(YEAR - 1, 4, 'u-s05', { score: 100 })).status).toBe(200)
  })

  it('should refuse a quarter that has not begun under a pinned clock, and accept it from its first instant', async () => {
    await api.travel('2027-03-31T23:59:59+08:00')
    expect((await putScore(2027, 2, 'u-s05', { score: 80 })).body.error.code).toBe('QUARTER_NOT_STARTED')
    api.setNow('2027-04-01T00:00:00+08:00')
    expect((await putScore(2027, 2, 'u-s05', { score: 80 })).status).toBe(200)
  })

  it('should answer a replay with the same Idempotency-Key with the first answer', async () => {
    const headers = { 'Idempotency-Key': 'score-1' }
    const first = await putScore(YEAR, 4, 'u-s06', { score: 85 }, organiser, headers)
    api.setNow('2026-12-01T11:00:00+08:00')
    const again = await putScore(YEAR, 4, 'u-s06', { score: 85 }, organiser, headers)
    expect(again.body).toEqual(first.body)
    expect((await putScore(YEAR, 4, 'u-s06', { score: 86 }, organiser, headers)).status).toBe(422)
  })
})

describe('GET /reviews/:year/:quarter (extension)', () => {
  it("should list a town's secretaries with their score or null, for organisers only", async () => {
    await putScore(YEAR, 4, 'u-s02', { score: 91, comment: '年画产业亮点突出' })
    const town = encodeURIComponent('孝德镇')
    const res = await api.call('GET', `/reviews/${YEAR}/4?town=${town}`, { token: organiser })
    expect(res.status).toBe(200)
    expectParses(quarterScorePageSchema, res.body)
    expect(res.body.items.every((r: { user: { town: string; role: string } }) => r.user.town === '孝德镇' && r.user.role === 'secretary')).toBe(true)
    const rows = Object.fromEntries(res.body.items.map((r: { user: { id: string } }) => [r.user.id, r]))
    expect(rows['u-s02']).toMatchObject({ score: 91, comment: '年画产业亮点突出' })
    expect(rows['u-s16'].score).toBeNull()
    const q1 = await api.call('GET', `/reviews/${YEAR}/1?pageSize=100`, { token: organiser })
    expect(q1.body.total).toBe(40)
    expect(q1.body.items.every((r: { score: number | null }) => typeof r.score === 'number')).toBe(true)
    expect((await api.call('GET', `/reviews/${YEAR}/4`, { token: secretary })).status).toBe(403)
    expect((await api.call('GET', `/reviews/${YEAR}/4?sort=name`, { token: organiser })).status).toBe(400)
  })
})

describe('GET /me/scores', () => {
  it("should give this year's scored quarters and no assessment while the year runs", async () => {
    const res = await myScores()
    expect(res.status).toBe(200)
    expectParses(myScoresSchema, res.body)
    expect(res.body.quarters.map((q: { quarter: number }) => q.quarter)).toEqual([1, 2, 3])
    expect(res.body.assessment).toBeNull()
    expect((await myScores(`?year=${YEAR}`)).body).toEqual(res.body)
  })

  it("should give last year's four quarters and the assessment once the year is over", async () => {
    const res = await myScores(`?year=${YEAR - 1}`)
    expectParses(myScoresSchema, res.body)
    expect(res.body.quarters).toHaveLength(4)
    const { assessment: mine } = res.body
    expect(mine.of).toBe(40)
    expect(mine.rank).toBeGreaterThanOrEqual(1)
    expect(mine.rank).toBeLessThanOrEqual(40)
    const ranking = (await assessment(YEAR - 1)).body.ranking
    const row = ranking.find((r: { user: { id: string } }) => r.user.id === 'u-s05')
    expect(mine).toEqual({
      total: row.total,
      rank: row.rank,
      of: 40,
      parts: { commitment: row.commitment, quarterly: row.quarterly, attendance: row.attendance },
      flagged: row.flagged,
    })
  })

  it('should show the assessment of a year from its last instant on, in China time', async () => {
    await api.travel('2026-12-31T23:59:59+08:00')
    expect((await myScores(`?year=${YEAR}`)).body.assessment).toBeNull()
    api.setNow('2026-12-31T16:00:00Z')
    expect((await myScores(`?year=${YEAR}`)).body.assessment).not.toBeNull()
  })

  it('should refuse organisers and malformed years', async () => {
    expect((await myScores('', organiser)).status).toBe(403)
    expect((await myScores('?year=26')).status).toBe(400)
    expect((await myScores('?year=1999')).status).toBe(400)
    expect((await myScores('?year=2026&x=1')).status).toBe(400)
  })

  it("should give nothing of another secretary's scores", async () => {
    const [fresh] = await createSecretaries(api, 1)
    const res = await myScores(`?year=${YEAR}`, fresh)
    expect(res.body).toEqual({ quarters: [], assessment: null, history: [] })
  })
})

describe('GET /assessments/:year', () => {
  it('should rank all 40 secretaries of last year with the formula, flagging exactly the last 3, final', async () => {
    const res = await assessment(YEAR - 1)
    expect(res.status).toBe(200)
    expectParses(assessmentSchema, res.body)
    expect(res.body.formula).toEqual(ASSESSMENT_FORMULA)
    expect(res.body.final).toBe(true)
    const { ranking } = res.body
    expect(ranking).toHaveLength(40)
    expect(ranking.map((r: { rank: number }) => r.rank)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    for (let i = 1; i < ranking.length; i += 1) expect(ranking[i - 1].total).toBeGreaterThanOrEqual(ranking[i].total)
    expect(ranking.filter((r: { flagged: boolean }) => r.flagged).map((r: { rank: number }) => r.rank)).toEqual([38, 39, 40])
    // Believable: the seeded year has real spread in commitment and quarterly parts.
    expect(new Set(ranking.map((r: { total: number }) => r.total)).size).toBeGreaterThan(10)
    for (const row of ranking) {
      const { weights } = ASSESSMENT_FORMULA
      const expected = row.commitment * weights.commitment + row.quarterly * weights.quarterly + row.attendance * weights.attendance
      expect(row.total).toBeCloseTo(expected, 0)
    }
  })

  it('should be provisional (final false) while the year runs and follow new scores and progress', async () => {
    const before = await assessment(YEAR)
    expect(before.body.final).toBe(false)
    const row = (body: { ranking: { user: { id: string } }[] }, id: string) => body.ranking.find((r) => r.user.id === id) as any
    const [fresh] = await createSecretaries(api, 1)
    const zero = row((await assessment(YEAR)).body, 'u-extra-0')
    expect(zero).toMatchObject({ commitment: 0, quarterly: 0, attendance: 0, total: 0, flagged: true })
    const sheet = await approvedSheet(api, fresh, organiser, YEAR)
    for (const item of sheet.items) {
      await api.call('PUT', `/me/commitments/${YEAR}/items/${item.id}/progress/4`, { token: fresh, body: { percent: 90 } })
    }
    await putScore(YEAR, 4, 'u-extra-0', { score: 80 })
    const after = row((await assessment(YEAR)).body, 'u-extra-0')
    expect(after).toMatchObject({ commitment: 90, quarterly: 80, attendance: 0, total: 68 })
  })

  it('should count a sheet that is not approved as 0 commitment', async () => {
    const res = await assessment(YEAR)
    const three = res.body.ranking.find((r: { user: { id: string } }) => r.user.id === 'u-s03')
    expect(three.commitment).toBe(0)
    expect(three.quarterly).toBeGreaterThan(0)
  })

  it('should refuse secretaries with 403 and a malformed year with 400', async () => {
    expect((await assessment(YEAR, secretary)).status).toBe(403)
    expect((await api.call('GET', '/assessments/last', { token: organiser })).status).toBe(400)
  })
})
