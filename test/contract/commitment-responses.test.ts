import { commitmentPageSchema, commitmentSchema } from '@/api/contract/commitment'
import { apiErrorBodySchema, ERROR_CODES } from '@/api/contract/common'
import { notificationPageSchema } from '@/api/contract/notification'
import { assessmentSchema, myScoresSchema, quarterScorePageSchema, reviewScoreSchema } from '@/api/contract/score'
import { uploadResultSchema } from '@/api/contract/upload'
import { expectParses } from '../support/contract'
import { TINY_PNG, completeItems, uploadFile } from '../support/commitments'
import { createSecretaries, organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// Every answer of the issue 4 endpoints must parse with the schema the client parses it with.
let api: MockApi
let organiser: string
let fresh: string
beforeAll(async () => {
  api = await startMockApi()
  organiser = await api.login(organiserPhone(1))
  ;[fresh] = await createSecretaries(api, 1)
})
afterAll(() => api.close())

const YEAR = 2026

describe('issue 4 answers against the contract schemas', () => {
  it.each([2, 3, 4, 5, 6])('should answer the seeded sheet of secretary %i as Commitment, this year and last', async (n) => {
    const token = await api.login(secretaryPhone(n))
    for (const year of [YEAR, YEAR - 1]) {
      const res = await api.call('GET', `/me/commitments/${year}`, { token })
      expect(res.status).toBe(200)
      expectParses(commitmentSchema, res.body)
    }
  })

  it('should answer every page of the organisers\' list, by status, as a page of Commitment', async () => {
    for (const status of ['', 'draft', 'submitted', 'returned', 'approved']) {
      for (const year of [YEAR, YEAR - 1]) {
        const res = await api.call('GET', `/commitments?year=${year}&pageSize=100${status ? `&status=${status}` : ''}`, { token: organiser })
        expectParses(commitmentPageSchema, res.body)
      }
    }
    const one = await api.call('GET', `/commitments/cmt-${YEAR}-u-s05`, { token: organiser })
    expectParses(commitmentSchema, one.body)
  })

  it('should answer the whole cycle (save, submit, return, approve, progress with a photo) as Commitment', async () => {
    const saved = await api.call('PUT', `/me/commitments/${YEAR}`, { token: fresh, body: { items: [{ title: '只有标题' }] } })
    expect(saved.status).toBe(201)
    expectParses(commitmentSchema, saved.body)
    const full = await api.call('PUT', `/me/commitments/${YEAR}`, { token: fresh, body: { items: completeItems(3) } })
    expectParses(commitmentSchema, full.body)
    expectParses(commitmentSchema, (await api.call('POST', `/me/commitments/${YEAR}/submit`, { token: fresh })).body)
    const id = saved.body.id
    expectParses(commitmentSchema, (await api.call('POST', `/commitments/${id}/review`, { token: organiser, body: { decision: 'return', comment: '请细化' } })).body)
    expectParses(commitmentSchema, (await api.call('POST', `/me/commitments/${YEAR}/submit`, { token: fresh })).body)
    const approved = await api.call('POST', `/commitments/${id}/review`, { token: organiser, body: { decision: 'approve' } })
    expectParses(commitmentSchema, approved.body)
    const upload = await uploadFile(api, fresh, TINY_PNG, { filename: 'p.png' })
    expect(upload.status).toBe(201)
    expectParses(uploadResultSchema, upload.body)
    const item = approved.body.items[0]
    const reported = await api.call('PUT', `/me/commitments/${YEAR}/items/${item.id}/progress/2`, {
      token: fresh,
      body: { percent: 55.5, value: 12, note: '第二季度\n进展顺利', photos: [upload.body.url] },
    })
    expect(reported.status).toBe(200)
    expectParses(commitmentSchema, reported.body)
    expectParses(notificationPageSchema, (await api.call('GET', '/me/notifications', { token: fresh })).body)
  })

  it('should answer scores, the quarter list, my scores and the assessment with their schemas', async () => {
    const put = await api.call('PUT', `/reviews/${YEAR}/4/u-s05`, { token: organiser, body: { score: 92.5, comment: '好' } })
    expectParses(reviewScoreSchema, put.body)
    for (const q of [1, 2, 3, 4]) {
      expectParses(quarterScorePageSchema, (await api.call('GET', `/reviews/${YEAR}/${q}?pageSize=100`, { token: organiser })).body)
    }
    const secretary = await api.login(secretaryPhone(5))
    for (const year of [YEAR, YEAR - 1, YEAR - 2]) {
      expectParses(myScoresSchema, (await api.call('GET', `/me/scores?year=${year}`, { token: secretary })).body)
      expectParses(assessmentSchema, (await api.call('GET', `/assessments/${year}`, { token: organiser })).body)
    }
  })

  it('should answer every refusal with the error body and a code of the contract', async () => {
    const refusals = [
      await api.call('PUT', `/me/commitments/${YEAR}`, { token: fresh, body: { items: completeItems(11) } }),
      await api.call('PUT', `/me/commitments/${YEAR}`, { token: fresh, body: { items: [] } }),
      await api.call('POST', `/commitments/cmt-${YEAR}-u-s02/review`, { token: organiser, body: { decision: 'approve' } }),
      await api.call('PUT', `/reviews/${YEAR + 1}/1/u-s05`, { token: organiser, body: { score: 80 } }),
      await uploadFile(api, fresh, Buffer.from('text'), { filename: 'a.jpg' }),
    ]
    expect(refusals.map((r) => r.status)).toEqual([400, 409, 409, 409, 400])
    for (const res of refusals) {
      expectParses(apiErrorBodySchema, res.body)
      expect(ERROR_CODES).toContain(res.body.error.code)
    }
  })
})

describe('GET /api/openapi.json for issue 4', () => {
  it('should describe the new endpoints, the multipart upload and the idempotent mutations', async () => {
    const { paths } = (await api.call('GET', '/openapi.json')).body
    const upload = paths['/uploads'].post
    expect(upload.requestBody.content['multipart/form-data'].schema.properties.file.format).toBe('binary')
    expect(upload.responses['201'].content['application/json'].schema.properties).toHaveProperty('url')
    expect(paths['/me/commitments/{year}'].put.requestBody.content['application/json'].schema.properties).toHaveProperty('items')
    expect(paths['/me/commitments/{year}/items/{itemId}/progress/{quarter}'].put.parameters.map((p: { name: string }) => p.name)).toEqual([
      'year',
      'itemId',
      'quarter',
      'Idempotency-Key',
    ])
    expect(paths['/commitments/{id}/review'].post['x-roles']).toEqual(['organiser'])
    expect(paths['/commitments'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['year', 'status', 'town', 'page', 'pageSize']))
    expect(paths['/reviews/{year}/{quarter}/{userId}'].put.responses['200']).toBeDefined()
    expect(paths['/reviews/{year}/{quarter}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['town']))
    expect(paths['/me/scores'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['year'])
    expect(paths['/assessments/{year}'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('formula')
  })
})
