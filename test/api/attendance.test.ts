import type { EventRecord } from '../../mock/db'
import { createEvent, createRegistration } from '../support/fixtures'
import { createSecretaries, organiserPhone, startMockApi, type MockApi } from '../support/mock-api'

let api: MockApi
let secretary: string // a fresh secretary, u-extra-0, with no seeded registrations
beforeEach(async () => {
  api = await startMockApi()
  ;[secretary] = await createSecretaries(api, 1)
})
afterEach(() => api.close())

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const ME = 'u-extra-0'
const myAttendance = (query = '', token = secretary) => api.call('GET', `/me/attendance${query}`, { token })
/** An event of `credits` 学时 that started `daysAgo` days before the pinned now (negative: ahead). */
const eventDaysAgo = async (daysAgo: number, credits: number, overrides: Partial<EventRecord> = {}) => {
  const startAt = api.mock.clock.now() - daysAgo * DAY
  return createEvent(api, { startAt, endAt: startAt + 2 * HOUR, signupDeadline: startAt - DAY, credits, ...overrides })
}

describe('GET /me/attendance', () => {
  it('should count 2 present + 1 late + 1 absent + 1 leave as a rate of 0.75 and credit present and late only', async () => {
    const present1 = await eventDaysAgo(50, 2)
    const present2 = await eventDaysAgo(40, 1.5)
    const late = await eventDaysAgo(30, 0.5)
    const absent = await eventDaysAgo(20, 3)
    const leave = await eventDaysAgo(10, 1)
    await createRegistration(api, present1, ME, { attendance: 'present', checkedInAt: present1.startAt - 600_000 })
    await createRegistration(api, present2, ME, { attendance: 'present', checkedInAt: present2.startAt })
    await createRegistration(api, late, ME, { attendance: 'late', checkedInAt: late.startAt + 20 * 60_000 })
    await createRegistration(api, absent, ME) // never checked in: reads absent once over
    await createRegistration(api, leave, ME, { attendance: 'leave', leaveReason: '病假' })
    const res = await myAttendance()
    expect(res.status).toBe(200)
    expect(res.body.summary).toEqual({ registered: 5, present: 2, late: 1, leave: 1, absent: 1, rate: 0.75, credits: 4 })
    expect(res.body.records.map((r: { event: { id: string }; attendance: string; credits: number }) => [r.event.id, r.attendance, r.credits])).toEqual([
      [leave.id, 'leave', 0],
      [absent.id, 'absent', 0],
      [late.id, 'late', 0.5],
      [present2.id, 'present', 1.5],
      [present1.id, 'present', 2],
    ])
    expect(res.body.records[2].checkedInAt).toMatch(/\+08:00$/)
    expect(res.body.records[0].checkedInAt).toBeUndefined()
    expect(res.body.records[0].event).toMatchObject({ id: leave.id, myRegistration: { attendance: 'leave' } })
  })

  it('should count upcoming and ongoing registrations in registered only, sorted by start descending', async () => {
    const done = await eventDaysAgo(3, 2)
    const ongoing = await createEvent(api, { startAt: api.mock.clock.now() - HOUR, endAt: api.mock.clock.now() + HOUR, signupDeadline: api.mock.clock.now() - DAY, credits: 1 })
    const ahead = await eventDaysAgo(-5, 2.5)
    await createRegistration(api, done, ME, { attendance: 'present', checkedInAt: done.startAt })
    await createRegistration(api, ongoing, ME)
    await createRegistration(api, ahead, ME)
    const res = await myAttendance()
    expect(res.body.summary).toEqual({ registered: 3, present: 1, late: 0, leave: 0, absent: 0, rate: 1, credits: 2 })
    expect(res.body.records.map((r: { event: { id: string }; attendance: string }) => [r.event.id, r.attendance])).toEqual([
      [ahead.id, 'pending'],
      [ongoing.id, 'pending'],
      [done.id, 'present'],
    ])
  })

  it('should leave out waitlisted and cancelled registrations and cancelled events', async () => {
    const waited = await eventDaysAgo(20, 2)
    const withdrew = await eventDaysAgo(15, 2)
    const called = await eventDaysAgo(10, 2, { status: 'cancelled' })
    await createRegistration(api, waited, ME, { status: 'waitlisted' })
    await createRegistration(api, withdrew, ME, { status: 'cancelled' })
    await createRegistration(api, called, ME)
    const res = await myAttendance()
    expect(res.body).toEqual({
      summary: { registered: 0, present: 0, late: 0, leave: 0, absent: 0, rate: null, credits: 0 },
      records: [],
    })
  })

  it('should answer a rate of null when only leave and pending records exist', async () => {
    await createRegistration(api, await eventDaysAgo(10, 1), ME, { attendance: 'leave' })
    await createRegistration(api, await eventDaysAgo(-10, 1), ME)
    const res = await myAttendance()
    expect(res.body.summary).toMatchObject({ registered: 2, leave: 1, rate: null, credits: 0 })
  })

  it('should sum half-hour credits exactly', async () => {
    for (const [i, credits] of [0.5, 0.5, 1.5, 2.5, 40, 0].entries()) {
      await createRegistration(api, await eventDaysAgo(60 - i, credits), ME, { attendance: i % 2 ? 'late' : 'present' })
    }
    const res = await myAttendance()
    expect(res.body.summary).toMatchObject({ present: 3, late: 3, credits: 45, rate: 1 })
  })

  it('should select the year by the event\'s start in China time', async () => {
    // 2026-12-31 23:30 in China is still 2026; 2027-01-01 00:00 in China is 2027 though it is 2026 in UTC.
    const lastOf2026 = await createEvent(api, { startAt: Date.parse('2026-12-31T23:30:00+08:00'), endAt: Date.parse('2027-01-01T01:00:00+08:00') })
    const firstOf2027 = await createEvent(api, { startAt: Date.parse('2027-01-01T00:00:00+08:00'), endAt: Date.parse('2027-01-01T02:00:00+08:00') })
    const in2025 = await createEvent(api, { startAt: Date.parse('2025-06-01T09:00:00+08:00'), endAt: Date.parse('2025-06-01T11:00:00+08:00'), credits: 3 })
    await createRegistration(api, lastOf2026, ME)
    await createRegistration(api, firstOf2027, ME)
    await createRegistration(api, in2025, ME, { attendance: 'present', checkedInAt: in2025.startAt })
    const ids = (res: { body: { records: { event: { id: string } }[] } }) => res.body.records.map((r) => r.event.id)
    expect(ids(await myAttendance())).toEqual([lastOf2026.id]) // the pinned now is in 2026
    expect(ids(await myAttendance('?year=2027'))).toEqual([firstOf2027.id])
    const past = await myAttendance('?year=2025')
    expect(ids(past)).toEqual([in2025.id])
    expect(past.body.summary).toMatchObject({ registered: 1, present: 1, credits: 3, rate: 1 })
  })

  it('should default to the current year in China time', async () => {
    const firstOf2027 = await createEvent(api, { startAt: Date.parse('2027-01-01T09:00:00+08:00'), endAt: Date.parse('2027-01-01T11:00:00+08:00') })
    await createRegistration(api, firstOf2027, ME)
    await api.travel('2026-12-31T16:30:00Z') // 00:30 on 1 January 2027 in China
    const res = await myAttendance()
    expect(res.body.records.map((r: { event: { id: string } }) => r.event.id)).toEqual([firstOf2027.id])
  })

  it('should refuse a bad year with 400', async () => {
    for (const query of ['?year=26', '?year=1999', '?year=2101', '?year=abcd', '?month=3', '?year=2026&year=2027']) {
      const res = await myAttendance(query)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
  })

  it('should reflect an organiser\'s override in counts and credits', async () => {
    const event = await eventDaysAgo(5, 2)
    await createRegistration(api, event, ME)
    expect((await myAttendance()).body.summary).toMatchObject({ absent: 1, credits: 0, rate: 0 })
    const organiser = await api.login(organiserPhone(1))
    await api.call('PUT', `/events/${event.id}/attendance/${ME}`, { token: organiser, body: { attendance: 'late', note: '迟到 20 分钟' } })
    expect((await myAttendance()).body.summary).toMatchObject({ absent: 0, late: 1, credits: 2, rate: 1 })
  })
})
