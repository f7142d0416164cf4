import { TINY_PNG, approvedSheet, uploadFile } from '../support/commitments'
import { createSecretaries, organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// API.md v1.1 "Quotas": per caller, what one account can make the server do or keep.

let api: MockApi
afterEach(() => api?.close())

describe('mutating requests per caller', () => {
  it('should take 120 a minute from one caller, answer the 121st 429 RATE_LIMITED with retryAfter, and leave others alone', async () => {
    api = await startMockApi(undefined, { mutationsPerMinute: undefined }) // the default: 120
    const one = await api.login(secretaryPhone(1))
    const two = await api.login(secretaryPhone(2))
    const started = Date.now()
    for (let i = 0; i < 120; i++) expect((await api.call('POST', '/me/notifications/read-all', { token: one })).status).toBe(204)
    const refused = await api.call('POST', '/me/notifications/read-all', { token: one })
    expect([refused.status, refused.body.error.code]).toEqual([429, 'RATE_LIMITED'])
    expect(refused.body.error.retryAfter).toBe(60)
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(Date.now() - started).toBeLessThan(30_000)
    // Reading goes on, and another caller is not held back.
    expect((await api.call('GET', '/me', { token: one })).status).toBe(200)
    expect((await api.call('POST', '/me/notifications/read-all', { token: two })).status).toBe(204)
    api.setNow(api.mock.clock.now() + 60_000)
    expect((await api.call('POST', '/me/notifications/read-all', { token: one })).status).toBe(204)
  })
})

describe('uploads per user', () => {
  const fill = (ownerId: string, rows: number, bytes: number, at: number) =>
    api.mock.write((tx) =>
      tx
        .insertInto('uploads')
        .values(Array.from({ length: rows }, (_, i) => ({ name: `quota${ownerId}${i}xxxxxxxxxxxx.png`, mime: 'image/png', bytes, owner_id: ownerId, created_at: at })))
        .execute(),
    )

  it('should take 100 uploads in 24 hours and then answer 429 UPLOAD_QUOTA until the oldest is a day old', async () => {
    api = await startMockApi()
    const token = await api.login(secretaryPhone(1))
    const now = api.mock.clock.now()
    await fill('u-s01', 100, 1000, now - 60 * 60 * 1000)
    const before = await api.mock.state()
    const res = await uploadFile(api, token, TINY_PNG, { filename: 'a.png' })
    expect([res.status, res.body.error.code]).toEqual([429, 'UPLOAD_QUOTA'])
    expect(res.body.error.retryAfter).toBe(23 * 60 * 60)
    expect(await api.mock.state()).toEqual(before)
    expect((await uploadFile(api, await api.login(secretaryPhone(2)), TINY_PNG, { filename: 'a.png' })).status).toBe(201)
    api.setNow(now + 23 * 60 * 60 * 1000)
    expect((await uploadFile(api, token, TINY_PNG, { filename: 'a.png' })).status).toBe(201)
  })

  it('should refuse an upload that would take a user past 500 MB in all', async () => {
    api = await startMockApi()
    const token = await api.login(secretaryPhone(3))
    await fill('u-s03', 1, 500 * 1024 * 1024 - 10, api.mock.clock.now() - 3 * 24 * 60 * 60 * 1000)
    const res = await uploadFile(api, token, TINY_PNG, { filename: 'a.png' })
    expect([res.status, res.body.error.code]).toEqual([429, 'UPLOAD_QUOTA'])
    expect(res.body.error.message).toContain('500 MB')
  })
})

describe('photo fields', () => {
  it("should accept only the caller's own uploads: another's photo reads as unknown (400), and changes nothing", async () => {
    api = await startMockApi()
    const organiser = await api.login(organiserPhone(1))
    const [mine] = await createSecretaries(api, 1)
    const other = await api.login(secretaryPhone(1))
    const sheet = await approvedSheet(api, mine, organiser, 2026)
    const theirs = (await uploadFile(api, other, TINY_PNG, { filename: 'b.png' })).body.url
    const own = (await uploadFile(api, mine, TINY_PNG, { filename: 'c.png' })).body.url
    const path = `/me/commitments/2026/items/${sheet.items[0].id}/progress/4`
    const before = await api.mock.state()
    const refused = await api.call('PUT', path, { token: mine, body: { percent: 30, photos: [own, theirs] } })
    expect(refused.status).toBe(400)
    expect(refused.body.error.fields).toEqual({ 'photos.1': '找不到这张照片，请重新上传' })
    expect(await api.mock.state()).toEqual(before)
    expect((await api.call('PUT', path, { token: mine, body: { percent: 30, photos: [own] } })).status).toBe(200)
  })
})

describe('Idempotency answers per caller', () => {
  it('should keep a caller\'s newest 2,000 answers and forget the oldest', async () => {
    api = await startMockApi()
    const token = await api.login(secretaryPhone(4))
    const now = api.mock.clock.now()
    await api.mock.write((tx) =>
      tx
        .insertInto('idempotency')
        .values(Array.from({ length: 2000 }, (_, i) => ({ slot: `u-s04 POST /x old-${i}`, hash: 'h', status: 204, body: 'null', at: now - 3_600_000 + i })))
        .execute(),
    )
    await api.mock.write((tx) => tx.insertInto('idempotency').values({ slot: 'u-s05 POST /x theirs', hash: 'h', status: 204, body: 'null', at: now - 7_200_000 }).execute())
    const res = await api.call('POST', '/me/notifications/read-all', { token, headers: { 'Idempotency-Key': 'newest' } })
    expect(res.status).toBe(204)
    const slots = Object.keys((await api.mock.state()).idempotency)
    const own = slots.filter((s) => s.startsWith('u-s04 '))
    expect(own).toHaveLength(2000)
    expect(own).toContain('u-s04 POST /me/notifications/read-all newest')
    expect(own).not.toContain('u-s04 POST /x old-0')
    expect(own).toContain('u-s04 POST /x old-1')
    expect(slots).toContain('u-s05 POST /x theirs')
  })
})
