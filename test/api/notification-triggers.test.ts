import { createEvent } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// Each trigger of API.md creates a notification for its owner only, and nobody else can read or mark it.
let api: MockApi
let organiser: string
const tokens: Record<number, string> = {}
beforeEach(async () => {
  api = await startMockApi()
  organiser = await api.login(organiserPhone(1))
  for (const n of [1, 2, 3, 4]) tokens[n] = await api.login(secretaryPhone(n))
})
afterEach(() => api.close())

type Note = { id: string; kind: string; title: string; body: string; link?: string; read: boolean }
const notes = async (n: number): Promise<Note[]> =>
  (await api.call('GET', '/me/notifications?pageSize=100', { token: tokens[n] })).body.items
const kinds = async (n: number) => (await notes(n)).map((note) => note.kind)
const signUp = (n: number, eventId: string) => api.call('POST', `/events/${eventId}/registration`, { token: tokens[n] })
const eventLink = (id: string) => `/pages/event-detail/index?id=${id}`

/** A one-seat event: secretary 1 holds the seat, secretary 2 waits. */
async function fullEventWithWaitlist() {
  const event = await createEvent(api, { capacity: 1 })
  expect((await signUp(1, event.id)).body.status).toBe('registered')
  expect((await signUp(2, event.id)).body.status).toBe('waitlisted')
  return event
}

/** Proves a notification is its owner's alone: invisible to secretary 4 and the organiser, not markable by them. */
async function expectOwnedBy(owner: number, note: Note) {
  expect((await notes(4)).map((n) => n.id)).not.toContain(note.id)
  const organiserNotes = (await api.call('GET', '/me/notifications', { token: organiser })).body.items as Note[]
  expect(organiserNotes.map((n) => n.id)).not.toContain(note.id)
  for (const stranger of [tokens[4], organiser]) {
    const res = await api.call('POST', `/me/notifications/${note.id}/read`, { token: stranger })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
    await api.call('POST', '/me/notifications/read-all', { token: stranger })
  }
  expect((await notes(owner)).find((n) => n.id === note.id)?.read).toBe(false)
  expect((await api.call('POST', `/me/notifications/${note.id}/read`, { token: tokens[owner] })).status).toBe(204)
  expect((await notes(owner)).find((n) => n.id === note.id)?.read).toBe(true)
}

describe('waitlist promotion', () => {
  it('should notify the promoted secretary when a registered one cancels', async () => {
    const event = await fullEventWithWaitlist()
    expect((await api.call('DELETE', `/events/${event.id}/registration`, { token: tokens[1] })).status).toBe(200)
    const [note] = await notes(2)
    expect(note).toMatchObject({ kind: 'waitlist_promoted', link: eventLink(event.id), read: false })
    expect(note.body).toContain(event.title)
    expect(await kinds(1)).toEqual([])
    await expectOwnedBy(2, note)
  })

  it('should notify the promoted secretary when a registered one asks for leave', async () => {
    const event = await fullEventWithWaitlist()
    expect((await api.call('POST', `/events/${event.id}/leave`, { token: tokens[1], body: { reason: '村里防汛值班' } })).status).toBe(200)
    expect(await kinds(2)).toEqual(['waitlist_promoted'])
    expect(await kinds(1)).toEqual([])
  })

  it('should notify everyone promoted when an organiser raises the capacity', async () => {
    const event = await fullEventWithWaitlist()
    expect((await signUp(3, event.id)).body.status).toBe('waitlisted')
    const res = await api.call('PATCH', `/events/${event.id}`, { token: organiser, body: { capacity: 3 } })
    expect(res.status).toBe(200)
    expect(await kinds(2)).toEqual(['waitlist_promoted'])
    expect(await kinds(3)).toEqual(['waitlist_promoted'])
    expect(await kinds(1)).toEqual([])
  })

  it('should notify nobody when a waitlisted secretary cancels', async () => {
    const event = await fullEventWithWaitlist()
    await api.call('DELETE', `/events/${event.id}/registration`, { token: tokens[2] })
    expect(await kinds(1)).toEqual([])
    expect(await kinds(2)).toEqual([])
  })
})

describe('event changed', () => {
  it('should tell registered secretaries of a new time, not the waitlist', async () => {
    const event = await fullEventWithWaitlist()
    const startAt = new Date(event.startAt + 60 * 60 * 1000).toISOString()
    const endAt = new Date(event.endAt + 60 * 60 * 1000).toISOString()
    expect((await api.call('PATCH', `/events/${event.id}`, { token: organiser, body: { startAt, endAt } })).status).toBe(200)
    const [note] = await notes(1)
    expect(note).toMatchObject({ kind: 'event_changed', link: eventLink(event.id) })
    expect(note.body).toContain('时间改为')
    expect(await kinds(2)).toEqual([])
    await expectOwnedBy(1, note)
  })

  it('should tell registered secretaries of a new venue', async () => {
    const event = await createEvent(api, { capacity: 2 })
    await signUp(1, event.id)
    await signUp(2, event.id)
    const venue = { name: '孝德镇年画村党群服务中心', address: '绵竹市孝德镇年画村 3 组' }
    expect((await api.call('PATCH', `/events/${event.id}`, { token: organiser, body: { venue } })).status).toBe(200)
    for (const n of [1, 2]) {
      const [note] = await notes(n)
      expect(note.kind).toBe('event_changed')
      expect(note.body).toContain('孝德镇年画村党群服务中心')
    }
    expect(await kinds(3)).toEqual([])
  })

  it('should tell nobody when only the description changes', async () => {
    const event = await fullEventWithWaitlist()
    await api.call('PATCH', `/events/${event.id}`, { token: organiser, body: { description: '补充：请带上笔记本。' } })
    expect(await kinds(1)).toEqual([])
  })
})

describe('event cancelled', () => {
  it('should tell registered and waitlisted secretaries, with the reason', async () => {
    const event = await fullEventWithWaitlist()
    const res = await api.call('POST', `/events/${event.id}/cancel`, { token: organiser, body: { reason: '主讲人临时出差，另行通知' } })
    expect(res.status).toBe(200)
    for (const n of [1, 2]) {
      const [note] = await notes(n)
      expect(note).toMatchObject({ kind: 'event_cancelled', link: eventLink(event.id) })
      expect(note.body).toContain('主讲人临时出差')
    }
    expect(await kinds(3)).toEqual([])
    await expectOwnedBy(1, (await notes(1))[0])
  })
})

describe('honour awarded', () => {
  it('should tell the recipient only, linking to the honour', async () => {
    const body = { year: 2027, type: 'excellent', title: '2027年度优秀村（社区）党组织书记', recipientId: 'u-s03', citation: '年初履职承诺项项兑现。' }
    const res = await api.call('POST', '/honours', { token: organiser, body })
    expect(res.status).toBe(201)
    const [note] = await notes(3)
    expect(note).toMatchObject({
      kind: 'honour_awarded',
      link: `/packages/common/pages/honour-detail/index?id=${res.body.id}`,
      read: false,
    })
    expect(note.body).toContain('优秀书记')
    expect(note.body).not.toContain('奖金')
    expect(await kinds(1)).toEqual([])
    await expectOwnedBy(3, note)
  })

  it('should not notify anyone when the award is refused', async () => {
    const body = { year: 2026, type: 'innovation', title: '2026年度岗位创新奖', recipientId: 'u-s03', citation: '带领群众致富。', amount: 5000 }
    expect((await api.call('POST', '/honours', { token: organiser, body })).status).toBe(409)
    expect(await kinds(3)).toEqual([])
  })
})
