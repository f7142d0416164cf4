import { createClock } from '../../mock/clock'
import type { EventRecord } from '../../mock/db'
import { createMockServer } from '../../mock/server'
import { createEvent, storedEvent, storedRegistrations } from '../support/fixtures'
import { PINNED_NOW, organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

let api: MockApi
let organiser: string
let secretary: string // 13800000001
let event: EventRecord // two days ahead, at the party school, with coordinates
beforeEach(async () => {
  api = await startMockApi()
  organiser = await api.login(organiserPhone(1))
  secretary = await api.login(secretaryPhone(1))
  event = await createEvent(api, { venue: VENUE })
  expect((await api.call('POST', `/events/${event.id}/registration`, { token: secretary })).body.status).toBe('registered')
})
afterEach(() => api.close())

const VENUE = { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号', lat: 31.3386, lng: 104.2205 }
const MINUTE = 60_000
const EARTH_RADIUS_M = 6371008.8
/** A point `metres` due north of the venue: Δlat = d / R radians. */
const northOfVenue = (metres: number) => ({ lat: VENUE.lat + (metres / EARTH_RADIUS_M) * (180 / Math.PI), lng: VENUE.lng })

const currentCode = async (eventId = event.id): Promise<string> => {
  const res = await api.call('GET', `/events/${eventId}/checkin-code`, { token: organiser })
  expect(res.status).toBe(200)
  return res.body.code
}
/** At the venue: the event has coordinates, so a check-in must carry a location (API.md v1.1). */
const AT_VENUE = { lat: VENUE.lat, lng: VENUE.lng }
/** Checks in at `event`; a body object without a `location` key is sent from the venue. */
const checkin = (body: unknown, token = secretary, headers?: Record<string, string>) => {
  const located = body && typeof body === 'object' && !('location' in body) ? { ...body, location: AT_VENUE } : body
  return api.call('POST', `/events/${event.id}/checkin`, { token, body: located, headers })
}
/** Moves the clock and checks in with the code of that moment. */
const checkinAt = async (at: number, extra: Record<string, unknown> = {}, token = secretary) => {
  api.setNow(at)
  return checkin({ code: await currentCode(), ...extra }, token)
}
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('GET /events/:id/checkin-code', () => {
  it('should answer a 6-digit code that expires at the end of the current minute, with the live count', async () => {
    api.setNow(event.startAt - 10 * MINUTE + 25_000)
    const res = await api.call('GET', `/events/${event.id}/checkin-code`, { token: organiser })
    expect(res.status).toBe(200)
    expect(res.body.code).toMatch(/^\d{6}$/)
    expect(Date.parse(res.body.expiresAt)).toBe(event.startAt - 9 * MINUTE)
    expect(res.body.expiresAt).toMatch(/\+08:00$/)
    expect(res.body).toMatchObject({ checkedInCount: 0, registeredCount: 1 })
    await checkin({ code: res.body.code })
    expect((await api.call('GET', `/events/${event.id}/checkin-code`, { token: organiser })).body.checkedInCount).toBe(1)
  })

  it('should keep the code for a pinned clock and change it in the next minute', async () => {
    api.setNow(event.startAt)
    const first = await currentCode()
    api.setNow(event.startAt + 59_999)
    expect(await currentCode()).toBe(first)
    api.setNow(event.startAt + MINUTE)
    expect(await currentCode()).not.toBe(first)
  })

  it('should give a seeded event a random secret: another seed at the same instant shows another code', async () => {
    const other = createMockServer({ clock: createClock(Date.parse(PINNED_NOW)), testRoutes: true })
    const base = await other.listen(0)
    try {
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone: organiserPhone(1), code: '123456' }),
      })
      const { token } = await login.json()
      const theirs = await fetch(`${base}/events/evt-field-today/checkin-code`, { headers: { Authorization: `Bearer ${token}` } })
      // Two random secrets give the same 6 digits once in a million.
      expect((await theirs.json()).code).not.toBe(await currentCode('evt-field-today'))
    } finally {
      await other.close()
    }
  })

  it('should answer 409 EVENT_CANCELLED for a cancelled event', async () => {
    const res = await api.call('GET', '/events/evt-exchange-cancelled/checkin-code', { token: organiser })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('EVENT_CANCELLED')
  })
})

describe('POST /events/:id/checkin', () => {
  describe('the window from 30 minutes before the start to the end', () => {
    it('should accept a check-in exactly 30 minutes before the start, as present', async () => {
      const res = await checkinAt(event.startAt - 30 * MINUTE)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ attendance: 'present', checkedInAt: '2026-12-03T09:00:00+08:00' })
    })

    it('should refuse a check-in 30 minutes and 1 ms before the start with 409 CHECKIN_WINDOW_CLOSED', async () => {
      const res = await checkinAt(event.startAt - 30 * MINUTE - 1)
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('CHECKIN_WINDOW_CLOSED')
    })

    it('should accept a check-in exactly at the end, as late', async () => {
      const res = await checkinAt(event.endAt)
      expect(res.status).toBe(200)
      expect(res.body.attendance).toBe('late')
    })

    it('should refuse a check-in 1 ms after the end with 409 CHECKIN_WINDOW_CLOSED', async () => {
      const res = await checkinAt(event.endAt + 1)
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('CHECKIN_WINDOW_CLOSED')
      const stored = (await storedRegistrations(api, event.id))[0]
      expect(stored.checkedInAt).toBeUndefined()
    })
  })

  describe('present or late', () => {
    it('should read present at exactly start + 15 minutes', async () => {
      expect((await checkinAt(event.startAt + 15 * MINUTE)).body.attendance).toBe('present')
    })

    it('should read late at start + 15 minutes + 1 second', async () => {
      const res = await checkinAt(event.startAt + 15 * MINUTE + 1000)
      expect(res.body).toEqual({ attendance: 'late', checkedInAt: '2026-12-03T09:45:01+08:00' })
    })

    it('should show the check-in on the event and in the roster', async () => {
      await checkinAt(event.startAt + 20 * MINUTE)
      const mine = await api.call('GET', `/events/${event.id}`, { token: secretary })
      expect(mine.body.myRegistration).toMatchObject({ attendance: 'late', checkedInAt: '2026-12-03T09:50:00+08:00' })
      const roster = await api.call('GET', `/events/${event.id}/registrations`, { token: organiser })
      expect(roster.body.items[0]).toMatchObject({ attendance: 'late', checkedInAt: '2026-12-03T09:50:00+08:00' })
    })
  })

  it('should refuse to cancel the sign-up once checked in, keeping the seat and the check-in', async () => {
    expect((await checkinAt(event.startAt - 20 * MINUTE)).status).toBe(200)
    const res = await api.call('DELETE', `/events/${event.id}/registration`, { token: secretary })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('TOO_LATE_TO_CANCEL')
    const mine = await api.call('GET', `/events/${event.id}`, { token: secretary })
    expect(mine.body.myRegistration).toMatchObject({ status: 'registered', attendance: 'present' })
  })

  describe('the rotating code', () => {
    it('should accept the current code', async () => {
      expect((await checkinAt(event.startAt)).status).toBe(200)
    })

    it('should accept the previous minute\'s code', async () => {
      api.setNow(event.startAt + 10_000)
      const code = await currentCode()
      api.setNow(event.startAt + MINUTE + 50_000)
      const res = await checkin({ code })
      expect(res.status).toBe(200)
    })

    it('should refuse a code two minutes old with 400 CHECKIN_CODE_INVALID', async () => {
      api.setNow(event.startAt + 50_000)
      const code = await currentCode()
      api.setNow(event.startAt + 2 * MINUTE)
      const res = await checkin({ code })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('CHECKIN_CODE_INVALID')
      expect(res.body.error.fields.code).toEqual(expect.any(String))
      expect((await storedRegistrations(api, event.id))[0].attendance).toBe('pending')
    })

    it('should refuse a wrong code and another event\'s code', async () => {
      api.setNow(event.startAt)
      const code = await currentCode()
      expect((await checkin({ code: wrongCode(code) })).body.error.code).toBe('CHECKIN_CODE_INVALID')
      const other = await createEvent(api, { startAt: event.startAt, endAt: event.endAt })
      const otherCode = await currentCode(other.id)
      if (otherCode !== code) expect((await checkin({ code: otherCode })).body.error.code).toBe('CHECKIN_CODE_INVALID')
    })

    it('should refuse a code that is not 6 digits with 400 VALIDATION_FAILED', async () => {
      api.setNow(event.startAt)
      for (const body of [{ code: '12345' }, { code: 'abcdef' }, { code: 123456 }, {}, { code: '123456', seat: 1 }]) {
        const res = await checkin(body)
        expect(res.status).toBe(400)
        expect(res.body.error.code).toBe('VALIDATION_FAILED')
      }
    })
  })

  describe('the 1 km geofence', () => {
    it('should accept a location 999 m from the venue', async () => {
      expect((await checkinAt(event.startAt, { location: northOfVenue(999) })).status).toBe(200)
    })

    it('should accept a location exactly 1000 m from the venue', async () => {
      expect((await checkinAt(event.startAt, { location: northOfVenue(1000) })).status).toBe(200)
    })

    it('should refuse a location 1001 m from the venue with 409 TOO_FAR', async () => {
      const res = await checkinAt(event.startAt, { location: northOfVenue(1001) })
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('TOO_FAR')
      expect((await storedRegistrations(api, event.id))[0].checkedInAt).toBeUndefined()
    })

    it('should measure great-circle distance, east–west too', async () => {
      // 1 km east at latitude φ is 1000 / (R cos φ) radians of longitude.
      const east = (m: number) => ({ lat: VENUE.lat, lng: VENUE.lng + (m / (EARTH_RADIUS_M * Math.cos((VENUE.lat * Math.PI) / 180))) * (180 / Math.PI) })
      expect((await checkinAt(event.startAt, { location: east(1010) })).body.error.code).toBe('TOO_FAR')
      expect((await checkinAt(event.startAt, { location: east(990) })).status).toBe(200)
    })

    it('should refuse a check-in without a location at a venue with coordinates (400 LOCATION_REQUIRED), changing nothing', async () => {
      const res = await checkinAt(event.startAt, { location: undefined })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('LOCATION_REQUIRED')
      expect(res.body.error.message).toBe('请在活动现场开启定位后签到，或请现场组织者在名单上为你签到')
      expect((await storedRegistrations(api, event.id))[0].checkedInAt).toBeUndefined()
      // The organiser's one tap on the 名单 is the way in.
      const marked = await api.call('PUT', `/events/${event.id}/attendance/u-s01`, { token: organiser, body: { attendance: 'present' } })
      expect(marked.status).toBe(200)
    })

    it('should ask for the location after the window and the registration, before the code', async () => {
      const stranger = await api.login(secretaryPhone(2))
      api.setNow(event.startAt - 31 * MINUTE)
      expect((await checkin({ code: '000000', location: undefined })).body.error.code).toBe('CHECKIN_WINDOW_CLOSED')
      api.setNow(event.startAt)
      expect((await checkin({ code: '000000', location: undefined }, stranger)).body.error.code).toBe('NOT_REGISTERED')
      const code = await currentCode()
      expect((await checkin({ code: wrongCode(code), location: undefined })).body.error.code).toBe('LOCATION_REQUIRED')
    })

    it('should ignore the location when the venue has no coordinates', async () => {
      const online = await createEvent(api, { venue: { name: '线上（腾讯会议）', address: '会议号在活动开始前发送' } })
      await api.call('POST', `/events/${online.id}/registration`, { token: secretary })
      api.setNow(online.startAt)
      const code = await currentCode(online.id)
      const res = await api.call('POST', `/events/${online.id}/checkin`, { token: secretary, body: { code, location: { lat: 0, lng: 0 } } })
      expect(res.status).toBe(200)
    })

    it('should refuse coordinates out of range with 400', async () => {
      api.setNow(event.startAt)
      const res = await checkin({ code: await currentCode(), location: { lat: 91, lng: 104 } })
      expect(res.status).toBe(400)
      expect(res.body.error.fields['location.lat']).toBeDefined()
    })
  })

  describe('wrong codes (API.md v1.1: 5 within 10 minutes lock for 10 minutes)', () => {
    it('should lock check-in after 5 wrong codes, the right code included, with retryAfter, and change nothing', async () => {
      api.setNow(event.startAt)
      const code = await currentCode()
      const started = Date.now()
      for (let i = 0; i < 5; i++) {
        const res = await checkin({ code: wrongCode(code) })
        expect([i, res.status, res.body.error.code]).toEqual([i, 400, 'CHECKIN_CODE_INVALID'])
      }
      const before = await api.mock.state()
      const locked = await checkin({ code })
      expect(locked.status).toBe(429)
      expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS')
      expect(locked.body.error.retryAfter).toBe(600)
      expect(locked.headers.get('retry-after')).toBe('600')
      expect(locked.body.error.message).toContain('10 分钟后再试')
      expect(await api.mock.state()).toEqual(before)
      // Bounded: six requests, well inside a second's work each.
      expect(Date.now() - started).toBeLessThan(15_000)
      // The lock is this secretary's at this event: the organiser's 名单 still works.
      expect((await api.call('PUT', `/events/${event.id}/attendance/u-s01`, { token: organiser, body: { attendance: 'present' } })).status).toBe(200)
    })

    it('should let the right code through again 10 minutes after the lock, and count 4 wrong codes as no lock', async () => {
      api.setNow(event.startAt)
      const code = await currentCode()
      for (let i = 0; i < 5; i++) await checkin({ code: wrongCode(code) })
      api.setNow(event.startAt + 10 * MINUTE - 1000)
      expect((await checkin({ code: await currentCode() })).body.error.retryAfter).toBe(1)
      api.setNow(event.startAt + 10 * MINUTE)
      const other = await createEvent(api, { venue: VENUE, startAt: event.startAt, endAt: event.endAt })
      await api.call('POST', `/events/${other.id}/registration`, { token: secretary })
      const again = await checkin({ code: await currentCode() })
      expect(again.status).toBe(200)
      // Four wrong codes at another event lock nothing.
      const at = (body: Record<string, unknown>) => api.call('POST', `/events/${other.id}/checkin`, { token: secretary, body: { location: AT_VENUE, ...body } })
      const otherCode = await currentCode(other.id)
      for (let i = 0; i < 4; i++) expect((await at({ code: wrongCode(otherCode) })).status).toBe(400)
      expect((await at({ code: otherCode })).status).toBe(200)
    })

    it('should count wrong codes per secretary: another secretary at the same event is not locked', async () => {
      const two = await api.login(secretaryPhone(2))
      await api.call('POST', `/events/${event.id}/registration`, { token: two })
      api.setNow(event.startAt)
      const code = await currentCode()
      for (let i = 0; i < 5; i++) await checkin({ code: wrongCode(code) })
      expect((await checkin({ code })).status).toBe(429)
      expect((await checkin({ code }, two)).status).toBe(200)
    })

    it('should forget the counts on POST /__mock/reset (a test route), as it forgets everything else', async () => {
      const seeded = (await storedEvent(api, 'evt-field-today'))! // u-s01 is registered, check-in open
      const at = (code: string) =>
        api.call('POST', '/events/evt-field-today/checkin', { token: secretary, body: { code, location: { lat: seeded.venue.lat, lng: seeded.venue.lng } } })
      const code = await currentCode('evt-field-today')
      for (let i = 0; i < 5; i++) expect((await at(wrongCode(code))).status).toBe(400)
      expect((await at(code)).status).toBe(429)
      expect((await api.call('POST', '/__mock/reset')).status).toBe(204)
      secretary = await api.login(secretaryPhone(1))
      organiser = await api.login(organiserPhone(1))
      expect((await at(await currentCode('evt-field-today'))).status).toBe(200)
    })
  })

  describe('a second check-in', () => {
    it('should answer 200 with the first result and change nothing', async () => {
      const first = await checkinAt(event.startAt + 20 * MINUTE)
      expect(first.body.attendance).toBe('late')
      const again = await checkinAt(event.startAt + 40 * MINUTE)
      expect(again.status).toBe(200)
      expect(again.body).toEqual(first.body)
    })

    it('should answer the first result even with a stale code, far away or after the end', async () => {
      const first = await checkinAt(event.startAt)
      api.setNow(event.endAt + 1)
      const again = await checkin({ code: '000000', location: northOfVenue(5000) })
      expect(again.status).toBe(200)
      expect(again.body).toEqual(first.body)
    })

    it('should replay the answer for the same Idempotency-Key', async () => {
      api.setNow(event.startAt)
      const body = { code: await currentCode() }
      const headers = { 'Idempotency-Key': 'checkin-weak-signal' }
      const first = await checkin(body, secretary, headers)
      api.setNow(event.startAt + 5 * MINUTE)
      const retry = await checkin(body, secretary, headers)
      expect(retry.status).toBe(200)
      expect(retry.body).toEqual(first.body)
    })
  })

  describe('who may check in', () => {
    it('should refuse someone who did not sign up with 409 NOT_REGISTERED', async () => {
      const other = await api.login(secretaryPhone(2))
      const res = await checkinAt(event.startAt, {}, other)
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('NOT_REGISTERED')
    })

    it('should refuse someone waiting, someone who cancelled and someone on leave with 409 NOT_REGISTERED', async () => {
      const small = await createEvent(api, { capacity: 1 })
      const waiting = await api.login(secretaryPhone(2))
      const cancelled = await api.login(secretaryPhone(3))
      await api.call('POST', `/events/${small.id}/registration`, { token: secretary })
      await api.call('POST', `/events/${small.id}/registration`, { token: waiting })
      await api.call('POST', `/events/${small.id}/registration`, { token: cancelled })
      await api.call('DELETE', `/events/${small.id}/registration`, { token: cancelled })
      await api.call('POST', `/events/${small.id}/leave`, { token: secretary, body: { reason: '村里防汛值班' } })
      // The leave promoted the waiting secretary 2; put a fourth on the waitlist.
      const fourth = await api.login(secretaryPhone(4))
      await api.call('POST', `/events/${small.id}/registration`, { token: fourth })
      api.setNow(small.startAt)
      const code = await currentCode(small.id)
      for (const token of [secretary, cancelled, fourth]) {
        const res = await api.call('POST', `/events/${small.id}/checkin`, { token, body: { code } })
        expect(res.status).toBe(409)
        expect(res.body.error.code).toBe('NOT_REGISTERED')
      }
      // This venue has no coordinates, so no location is needed.
      expect((await api.call('POST', `/events/${small.id}/checkin`, { token: waiting, body: { code } })).status).toBe(200)
    })

    it('should check the window before registration, registration before the code, the code before the location', async () => {
      const stranger = await api.login(secretaryPhone(2))
      api.setNow(event.startAt - 31 * MINUTE)
      expect((await checkin({ code: '000000' }, stranger)).body.error.code).toBe('CHECKIN_WINDOW_CLOSED')
      api.setNow(event.startAt)
      const code = await currentCode()
      expect((await checkin({ code: wrongCode(code) }, stranger)).body.error.code).toBe('NOT_REGISTERED')
      expect((await checkin({ code: wrongCode(code), location: northOfVenue(5000) })).body.error.code).toBe('CHECKIN_CODE_INVALID')
    })

    it('should answer 409 EVENT_CANCELLED on a cancelled event the secretary had joined', async () => {
      const five = await api.login(secretaryPhone(5)) // registered for the cancelled exchange
      const cancelled = (await storedEvent(api, 'evt-exchange-cancelled'))!
      api.setNow(cancelled.startAt)
      const res = await api.call('POST', '/events/evt-exchange-cancelled/checkin', { token: five, body: { code: '123456' } })
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('EVENT_CANCELLED')
    })
  })
})
