import { createEvent } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

let api: MockApi
beforeEach(async () => {
  api = await startMockApi()
})
afterEach(() => api.close())

const MINUTE = 60_000
const list = (token: string, query = '') => api.call('GET', `/me/notifications${query}`, { token })
const read = (token: string, id: string) => api.call('POST', `/me/notifications/${id}/read`, { token })
const readAll = (token: string) => api.call('POST', '/me/notifications/read-all', { token })

/** Three notifications for secretary 1, one minute apart: promoted, event changed, event cancelled. */
async function threeNotifications(secretary: string) {
  const organiser = await api.login(organiserPhone(1))
  const event = await createEvent(api, { capacity: 1 })
  const two = await api.login(secretaryPhone(2))
  await api.call('POST', `/events/${event.id}/registration`, { token: two })
  await api.call('POST', `/events/${event.id}/registration`, { token: secretary })
  api.setNow(api.mock.clock.now() + MINUTE)
  await api.call('DELETE', `/events/${event.id}/registration`, { token: two }) // promotes secretary 1
  api.setNow(api.mock.clock.now() + MINUTE)
  await api.call('PATCH', `/events/${event.id}`, { token: organiser, body: { endAt: new Date(event.endAt + MINUTE * 30).toISOString() } })
  api.setNow(api.mock.clock.now() + MINUTE)
  await api.call('POST', `/events/${event.id}/cancel`, { token: organiser, body: { reason: '主讲人临时出差' } })
  return event
}

describe('GET /me/notifications', () => {
  it('should list the caller\'s notifications newest first with the unread count', async () => {
    const secretary = await api.login(secretaryPhone(1))
    const event = await threeNotifications(secretary)
    const res = await list(secretary)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 20, unread: 3 })
    expect(res.body.items.map((n: { kind: string }) => n.kind)).toEqual(['event_cancelled', 'event_changed', 'waitlist_promoted'])
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      kind: 'event_cancelled',
      title: '活动已取消',
      body: expect.stringContaining('主讲人临时出差'),
      link: `/pages/event-detail/index?id=${event.id}`,
      read: false,
      createdAt: '2026-12-01T09:33:00+08:00',
    })
  })

  it('should show nobody else\'s notifications', async () => {
    await threeNotifications(await api.login(secretaryPhone(1)))
    const other = await list(await api.login(secretaryPhone(3)))
    expect(other.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20, unread: 0 })
    // Secretary 5 sees only the seeded notice of the cancelled exchange they had joined.
    const five = await list(await api.login(secretaryPhone(5)))
    expect(five.body.items.map((n: { kind: string }) => n.kind)).toEqual(['event_cancelled'])
  })

  it('should order notifications of the same instant by creation, newest first', async () => {
    const event = await createEvent(api)
    const secretary = await api.login(secretaryPhone(1))
    await api.call('POST', `/events/${event.id}/registration`, { token: secretary })
    const organiser = await api.login(organiserPhone(1))
    await api.call('PATCH', `/events/${event.id}`, { token: organiser, body: { venue: { name: '孝德镇便民服务中心', address: '绵竹市孝德镇 1 号' } } })
    await api.call('POST', `/events/${event.id}/cancel`, { token: organiser, body: { reason: '场地冲突' } })
    expect((await list(secretary)).body.items.map((n: { kind: string }) => n.kind)).toEqual(['event_cancelled', 'event_changed'])
  })

  it('should page', async () => {
    const secretary = await api.login(secretaryPhone(1))
    await threeNotifications(secretary)
    const second = await list(secretary, '?page=2&pageSize=2')
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2, unread: 3 })
    expect(second.body.items.map((n: { kind: string }) => n.kind)).toEqual(['waitlist_promoted'])
    expect((await list(secretary, '?pageSize=101')).status).toBe(400)
    expect((await list(secretary, '?unread=true')).status).toBe(400)
  })

  it('should answer organisers too', async () => {
    const res = await list(await api.login(organiserPhone(1)))
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(0)
  })
})

describe('POST /me/notifications/:id/read', () => {
  it('should mark one notification read and answer 204', async () => {
    const secretary = await api.login(secretaryPhone(1))
    await threeNotifications(secretary)
    const [newest] = (await list(secretary)).body.items
    const res = await read(secretary, newest.id)
    expect(res.status).toBe(204)
    expect(res.body).toBe('')
    const after = await list(secretary)
    expect(after.body.unread).toBe(2)
    expect(after.body.items[0].read).toBe(true)
    expect((await read(secretary, newest.id)).status).toBe(204)
  })

  it('should answer 404 for someone else\'s notification and leave it unread', async () => {
    const res = await read(await api.login(secretaryPhone(1)), 'ntf-seed-1') // secretary 5's
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
    expect((await api.mock.state()).notifications.find((n) => n.id === 'ntf-seed-1')!.read).toBe(false)
    expect((await read(await api.login(organiserPhone(1)), 'ntf-seed-1')).status).toBe(404)
    expect((await read(await api.login(secretaryPhone(1)), 'no-such-note')).status).toBe(404)
  })
})

describe('POST /me/notifications/read-all', () => {
  it('should mark all of the caller\'s notifications read and nobody else\'s', async () => {
    const secretary = await api.login(secretaryPhone(1))
    await threeNotifications(secretary)
    const res = await readAll(secretary)
    expect(res.status).toBe(204)
    const after = await list(secretary)
    expect(after.body.unread).toBe(0)
    expect(after.body.items.every((n: { read: boolean }) => n.read)).toBe(true)
    expect((await list(await api.login(secretaryPhone(5)))).body.unread).toBe(1)
  })
})
