import { createEvent, storedRegistrations, storedState } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

let api: MockApi
beforeEach(async () => {
  api = await startMockApi()
})
afterEach(() => api.close())

const HOUR = 60 * 60 * 1000
const REASON = '村里防汛值班，无法参加'
const leave = (token: string, eventId: string, body: unknown = { reason: REASON }, headers?: Record<string, string>) =>
  api.call('POST', `/events/${eventId}/leave`, { token, body, headers })
const register = (token: string, eventId: string) => api.call('POST', `/events/${eventId}/registration`, { token })
const storedOf = async (eventId: string, userId: string) =>
  (await storedRegistrations(api, eventId)).find((r) => r.userId === userId)!

describe('POST /events/:id/leave', () => {
  it('should excuse a registered secretary before the start: attendance leave, status still registered', async () => {
    const token = await api.login(secretaryPhone(1))
    await register(token, 'evt-lecture-open')
    const res = await leave(token, 'evt-lecture-open')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ eventId: 'evt-lecture-open', userId: 'u-s01', status: 'registered', attendance: 'leave' })
    expect((await storedOf('evt-lecture-open', 'u-s01')).leaveReason).toBe(REASON)
    const event = await api.call('GET', '/events/evt-lecture-open', { token })
    expect(event.body.registeredCount).toBe(0)
    expect(event.body.myRegistration.attendance).toBe('leave')
    // Every phone of the secretary reads the reason back from the server.
    expect(res.body.leaveReason).toBe(REASON)
    expect(event.body.myRegistration.leaveReason).toBe(REASON)
  })

  it('should give the seat to the head of the waitlist, who is notified', async () => {
    // The full lecture: 2–6 hold the 5 seats, 7 and 8 wait.
    const res = await leave(await api.login(secretaryPhone(2)), 'evt-lecture-full')
    expect(res.status).toBe(200)
    const seven = await api.call('GET', '/events/evt-lecture-full', { token: await api.login(secretaryPhone(7)) })
    expect(seven.body.myRegistration.status).toBe('registered')
    expect(seven.body).toMatchObject({ registeredCount: 5, waitlistCount: 1 })
    const notes = (await storedState(api)).notifications.filter((n) => n.userId === 'u-s07')
    expect(notes.map((n) => n.kind)).toEqual(['waitlist_promoted'])
  })

  it('should not count the leave as absent once the event is over', async () => {
    const event = await createEvent(api)
    const token = await api.login(secretaryPhone(1))
    await register(token, event.id)
    await leave(token, event.id)
    api.setNow(event.endAt + HOUR)
    const mine = await api.call('GET', `/events/${event.id}`, { token })
    expect(mine.body.myRegistration.attendance).toBe('leave')
    const record = await api.call('GET', '/me/attendance', { token })
    const row = record.body.records.find((r: { event: { id: string } }) => r.event.id === event.id)
    expect(row).toMatchObject({ attendance: 'leave', credits: 0 })
    const roster = await api.call('GET', `/events/${event.id}/registrations`, { token: await api.login(organiserPhone(1)) })
    expect(roster.body.items[0]).toMatchObject({ attendance: 'leave', leaveReason: REASON })
  })

  it('should answer 200 with the same registration when already on leave, promoting nobody twice', async () => {
    const token = await api.login(secretaryPhone(2))
    const first = await leave(token, 'evt-lecture-full')
    const again = await leave(token, 'evt-lecture-full', { reason: '另一个理由' })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect((await storedOf('evt-lecture-full', 'u-s02')).leaveReason).toBe(REASON)
    expect((await storedOf('evt-lecture-full', 'u-s08')).status).toBe('waitlisted')
  })

  it('should replay the first answer for the same Idempotency-Key', async () => {
    const token = await api.login(secretaryPhone(2))
    const headers = { 'Idempotency-Key': 'leave-1' }
    const first = await leave(token, 'evt-lecture-full', { reason: REASON }, headers)
    const replay = await leave(token, 'evt-lecture-full', { reason: REASON }, headers)
    expect(replay).toMatchObject({ status: first.status, body: first.body })
    expect((await leave(token, 'evt-lecture-full', { reason: '不同的理由' }, headers)).status).toBe(422)
  })

  it('should answer 409 TOO_LATE_TO_CANCEL once the event has started', async () => {
    const event = await createEvent(api)
    const token = await api.login(secretaryPhone(1))
    await register(token, event.id)
    api.setNow(event.startAt)
    const res = await leave(token, event.id)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('TOO_LATE_TO_CANCEL')
    expect((await storedOf(event.id, 'u-s01')).attendance).toBe('pending')
  })

  it('should answer 409 TOO_LATE_TO_CANCEL after checking in, even before the start', async () => {
    const event = await createEvent(api)
    const token = await api.login(secretaryPhone(1))
    await register(token, event.id)
    api.setNow(event.startAt - 10 * 60 * 1000)
    const code = (await api.call('GET', `/events/${event.id}/checkin-code`, { token: await api.login(organiserPhone(1)) })).body.code
    await api.call('POST', `/events/${event.id}/checkin`, { token, body: { code } })
    const res = await leave(token, event.id)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('TOO_LATE_TO_CANCEL')
    expect((await storedOf(event.id, 'u-s01')).attendance).toBe('present')
  })

  it('should excuse someone an organiser had marked absent before the start', async () => {
    const organiser = await api.login(organiserPhone(1))
    await api.call('PUT', '/events/evt-lecture-full/attendance/u-s02', { token: organiser, body: { attendance: 'absent' } })
    const res = await leave(await api.login(secretaryPhone(2)), 'evt-lecture-full')
    expect(res.status).toBe(200)
    expect(res.body.attendance).toBe('leave')
    expect((await storedOf('evt-lecture-full', 'u-s07')).status).toBe('registered')
  })

  it('should answer 409 NOT_REGISTERED for no registration, a waitlisted one and a cancelled one', async () => {
    const nobody = await leave(await api.login(secretaryPhone(1)), 'evt-lecture-open')
    expect(nobody.status).toBe(409)
    expect(nobody.body.error.code).toBe('NOT_REGISTERED')
    expect((await leave(await api.login(secretaryPhone(7)), 'evt-lecture-full')).body.error.code).toBe('NOT_REGISTERED')
    const two = await api.login(secretaryPhone(2))
    await api.call('DELETE', '/events/evt-lecture-full/registration', { token: two })
    expect((await leave(two, 'evt-lecture-full')).body.error.code).toBe('NOT_REGISTERED')
  })

  it('should answer 409 EVENT_CANCELLED on a cancelled event', async () => {
    const res = await leave(await api.login(secretaryPhone(5)), 'evt-exchange-cancelled')
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('EVENT_CANCELLED')
  })

  it('should require a reason of 2–200 characters, line breaks allowed', async () => {
    const token = await api.login(secretaryPhone(2))
    for (const body of [{}, { reason: '病' }, { reason: '  病 ' }, { reason: '病'.repeat(201) }, { reason: REASON, extra: 1 }, { reason: '病\u0000假' }]) {
      const res = await leave(token, 'evt-lecture-full', body)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    expect((await storedOf('evt-lecture-full', 'u-s02')).attendance).toBe('pending')
    expect((await leave(token, 'evt-lecture-full', { reason: '村里有事\n下午回来' })).status).toBe(200)
  })
})
