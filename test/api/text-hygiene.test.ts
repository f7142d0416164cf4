import { createEventBody } from '../support/fixtures'
import { organiserPhone, startMockApi, type MockApi } from '../support/mock-api'

// API.md v1.1 "Text": what may be stored as text, and which instants.

let api: MockApi
let organiser: string
beforeEach(async () => {
  api = await startMockApi()
  organiser = await api.login(organiserPhone(1))
})
afterEach(() => api.close())

const post = (overrides: Record<string, unknown>) => api.call('POST', '/events', { token: organiser, body: createEventBody(api, overrides) })

describe('text rules', () => {
  it.each([
    ['a right-to-left override', { title: '强村讲堂：\u202E村级财务' }, 'title'],
    ['a bidi isolate', { description: '讲解\u2066集体经济\u2069' }, 'description'],
    ['a lone high surrogate', { title: '强村讲堂：\uD83D 财务' }, 'title'],
    ['a lone low surrogate', { speaker: '陈\uDE00志刚' }, 'speaker'],
    ['a title of zero-width characters only', { title: '\u200B\u200C\u200D\u2060\uFEFF' }, 'title'],
    ['a start in 9999', { startAt: '9999-01-01T09:00:00+08:00' }, 'startAt'],
    ['a deadline before 2000', { signupDeadline: '1999-12-31T23:59:59+08:00' }, 'signupDeadline'],
  ])('should refuse %s with 400 on that field and store nothing', async (_what, overrides, field) => {
    const before = await api.mock.state()
    const res = await post(overrides)
    expect(res.status).toBe(400)
    expect(res.body.error.fields[field]).toEqual(expect.any(String))
    expect(await api.mock.state()).toEqual(before)
  })

  it('should remove zero-width characters before trimming and counting, and keep emoji (real surrogate pairs)', async () => {
    const res = await post({ title: '\u200B 强村讲堂：\u200D财务规范 🌾\uFEFF', speaker: '\u2060市农业农村局 陈志刚' })
    expect(res.status).toBe(201)
    expect(res.body.title).toBe('强村讲堂：财务规范 🌾')
    expect(res.body.speaker).toBe('市农业农村局 陈志刚')
  })

  it('should refuse a body that is not UTF-8 rather than store replacement characters', async () => {
    const json = Buffer.from(JSON.stringify(createEventBody(api, { title: '强村讲堂：XX' })))
    const at = json.indexOf('XX')
    json[at] = 0xff
    json[at + 1] = 0xfe
    const before = await api.mock.state()
    const res = await fetch(`${api.base}/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${organiser}`, 'Content-Type': 'application/json' },
      body: json,
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('VALIDATION_FAILED')
    expect(await api.mock.state()).toEqual(before)
  })

  it('should accept instants at the edges: 2000-01-01T00:00Z in, 2100-01-01T00:00Z out', async () => {
    const { INSTANT_MAX, INSTANT_MIN, isoDateTime } = await import('../../src/api/contract/common')
    const { z } = await import('zod/mini')
    expect(z.safeParse(isoDateTime, new Date(INSTANT_MIN).toISOString()).success).toBe(true)
    expect(z.safeParse(isoDateTime, new Date(INSTANT_MIN - 1).toISOString()).success).toBe(false)
    expect(z.safeParse(isoDateTime, new Date(INSTANT_MAX - 1).toISOString()).success).toBe(true)
    expect(z.safeParse(isoDateTime, new Date(INSTANT_MAX).toISOString()).success).toBe(false)
  })
})
