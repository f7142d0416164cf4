import { myAttendanceSchema } from '@/api/contract/attendance'
import { apiErrorBodySchema } from '@/api/contract/common'
import { rosterPageSchema } from '@/api/contract/event'
import { createClock } from '../../mock/clock'
import { createMockServer } from '../../mock/server'
import { expectParses } from '../support/contract'
import { organiserPhone, PINNED_NOW, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// POST /__mock/bulk (test-only, issue 6): long 名单 and 出勤记录 for the list benchmark.

let api: MockApi
beforeEach(async () => {
  api = await startMockApi()
})
afterEach(() => api.close())

const bulk = (body: unknown) => api.call('POST', '/__mock/bulk', { body })

describe('POST /__mock/bulk', () => {
  it('should fill an event’s roster to N registered rows after the seeded ones and raise its capacity', async () => {
    const organiser = await api.login(organiserPhone(1))
    const seeded = await api.call('GET', '/events/evt-lecture-past1/registrations?pageSize=100', { token: organiser })
    const filled = await bulk({ eventId: 'evt-lecture-past1', registrations: 5000 })
    expect(filled).toMatchObject({ status: 200, body: { eventId: 'evt-lecture-past1', rows: 5000 } })

    const first = await api.call('GET', '/events/evt-lecture-past1/registrations?pageSize=100', { token: organiser })
    expectParses(rosterPageSchema, first.body)
    expect(first.body.total).toBe(5000)
    expect(first.body.items.slice(0, seeded.body.total)).toEqual(seeded.body.items)
    const last = await api.call('GET', '/events/evt-lecture-past1/registrations?page=50&pageSize=100', { token: organiser })
    expect(last.body.items).toHaveLength(100)
    expect(last.body.items.every((row: { status: string }) => row.status === 'registered')).toBe(true)
    const event = await api.call('GET', '/events/evt-lecture-past1', { token: organiser })
    expect(event.body.capacity).toBeGreaterThanOrEqual(event.body.registeredCount)

    // A synthetic row is a real registration: its attendance can be overridden.
    const someone = last.body.items[0].user.id
    const override = await api.call('PUT', `/events/evt-lecture-past1/attendance/${someone}`, { token: organiser, body: { attendance: 'absent' } })
    expect(override).toMatchObject({ status: 200, body: { attendance: 'absent' } })
    // Filling to fewer rows than there are changes nothing.
    expect((await bulk({ eventId: 'evt-lecture-past1', registrations: 50 })).body.rows).toBe(5000)
  })

  it('should fill a secretary’s attendance record of this year to N rows that the record endpoint answers', async () => {
    const filled = await bulk({ attendanceFor: 'u-s01', records: 5000 })
    expect(filled).toMatchObject({ status: 200, body: { userId: 'u-s01', year: 2026, rows: 5000 } })
    const record = await api.call('GET', '/me/attendance', { token: await api.login(secretaryPhone(1)) })
    expect(record.status).toBe(200)
    expectParses(myAttendanceSchema, record.body)
    expect(record.body.records).toHaveLength(5000)
    expect(record.body.summary.registered).toBe(5000)
    // The other secretaries of other towns do not see the synthetic events.
    const other = await api.call('GET', '/me/attendance', { token: await api.login(secretaryPhone(2)) })
    expect(other.body.records.length).toBeLessThan(20)
  })

  it.each([
    ['no body', undefined, '_'],
    ['a row count of 0', { eventId: 'evt-lecture-past1', registrations: 0 }, 'registrations'],
    ['a row count over 10,000', { eventId: 'evt-lecture-past1', registrations: 10_001 }, 'registrations'],
    ['a fractional row count', { attendanceFor: 'u-s01', records: 1.5 }, 'records'],
    ['an unknown field', { eventId: 'evt-lecture-past1', registrations: 5, extra: true }, 'extra'],
    ['both kinds at once', { attendanceFor: 'u-s01', records: 5, eventId: 'evt-lecture-past1' }, 'eventId'],
  ])('should refuse %s with 400 and the contract error body, changing nothing', async (_, body, field) => {
    const users = (await api.mock.state()).users.length
    const res = await bulk(body)
    expect(res.status).toBe(400)
    expectParses(apiErrorBodySchema, res.body)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(res.body.error.fields)).toContain(field)
    expect((await api.mock.state()).users).toHaveLength(users)
  })

  it('should answer 404 for an unknown event or someone who is not a secretary', async () => {
    expect((await bulk({ eventId: 'evt-nowhere', registrations: 5 })).body.error.code).toBe('NOT_FOUND')
    expect((await bulk({ attendanceFor: 'u-o1', records: 5 })).status).toBe(404)
  })

  it('should not exist when the test routes are off', async () => {
    const production = createMockServer({ clock: createClock(Date.parse(PINNED_NOW)), testRoutes: false })
    const base = (await production.listen(0)).replace(/\/api$/, '')
    try {
      const res = await fetch(`${base}/__mock/bulk`, { method: 'POST', body: JSON.stringify({ eventId: 'evt-lecture-past1', registrations: 5 }) })
      expect(res.status).toBe(404)
      expect((await production.state()).registrations['evt-lecture-past1']).toHaveLength(36)
    } finally {
      await production.close()
    }
  })
})
