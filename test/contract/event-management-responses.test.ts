import { expectParses } from '../support/contract'
import { myAttendanceSchema } from '@/api/contract/attendance'
import { ERROR_CODES, apiErrorBodySchema } from '@/api/contract/common'
import {
  checkinCodeSchema,
  checkinResultSchema,
  eventSchema,
  registrationSchema,
  rosterPageSchema,
  rosterRowSchema,
} from '@/api/contract/event'
import { notificationPageSchema } from '@/api/contract/notification'
import { createEventBody } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

/** At today's 现场拉练 in 汉旺镇 (the seed's venue coordinates): check-in there needs a location. */
const AT_HANWANG = { lat: 31.4372, lng: 104.1811 }

// Every answer of the issue 3 endpoints must parse with the schema the client parses it with.
let api: MockApi
let secretary: string
let organiser: string
beforeAll(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
  organiser = await api.login(organiserPhone(1))
})
afterAll(() => api.close())


describe('issue 3 answers against the contract schemas', () => {
  it('should answer posting, editing and cancelling as Event', async () => {
    const created = await api.call('POST', '/events', { token: organiser, body: createEventBody(api, { type: 'contest', contestItems: ['情景模拟'] }) })
    expect(created.status).toBe(201)
    expectParses(eventSchema, created.body)
    const id = created.body.id
    expectParses(eventSchema, (await api.call('PATCH', `/events/${id}`, { token: organiser, body: { speaker: '' } })).body)
    const cancelled = await api.call('POST', `/events/${id}/cancel`, { token: organiser, body: { reason: '场地冲突，改期' } })
    expectParses(eventSchema, cancelled.body)
    expectParses(eventSchema, (await api.call('POST', `/events/${id}/cancel`, { token: organiser, body: { reason: '再次取消' } })).body)
  })

  it.each(['evt-lecture-full', 'evt-lecture-past1', 'evt-contest-past', 'evt-field-today', 'evt-exchange-cancelled'])(
    'should answer the roster of %s as a page of roster rows',
    async (id) => {
      const res = await api.call('GET', `/events/${id}/registrations?pageSize=100`, { token: organiser })
      expectParses(rosterPageSchema, res.body)
      expect(res.body.items.length).toBeGreaterThan(0)
    },
  )

  it('should answer an attendance override as a roster row', async () => {
    const res = await api.call('PUT', '/events/evt-lecture-past1/attendance/u-s09', { token: organiser, body: { attendance: 'present', note: '补录' } })
    expectParses(rosterRowSchema, res.body)
    expect(res.body.audit).toHaveLength(1)
  })

  it('should answer the check-in code and a check-in (first and repeated) with their schemas', async () => {
    const code = await api.call('GET', '/events/evt-field-today/checkin-code', { token: organiser })
    expectParses(checkinCodeSchema, code.body)
    for (let i = 0; i < 2; i += 1) {
      const res = await api.call('POST', '/events/evt-field-today/checkin', { token: secretary, body: { code: code.body.code, location: AT_HANWANG } })
      expect(res.status).toBe(200)
      expectParses(checkinResultSchema, res.body)
    }
  })

  it('should answer leave as Registration', async () => {
    await api.call('POST', '/events/evt-lecture-open/registration', { token: secretary })
    const res = await api.call('POST', '/events/evt-lecture-open/leave', { token: secretary, body: { reason: '村里防汛值班' } })
    expectParses(registrationSchema, res.body)
  })

  it.each([1, 4, 7, 9, 14, 40])('should answer the attendance record of secretary %i as MyAttendance', async (n) => {
    const res = await api.call('GET', '/me/attendance', { token: await api.login(secretaryPhone(n)) })
    expectParses(myAttendanceSchema, res.body)
    expect(res.body.records.length).toBeGreaterThan(0)
    expectParses(myAttendanceSchema, (await api.call('GET', '/me/attendance?year=2020', { token: await api.login(secretaryPhone(n)) })).body)
  })

  it('should answer notifications as a page with the unread count', async () => {
    for (const phone of [secretaryPhone(1), secretaryPhone(5), organiserPhone(1)]) {
      expectParses(notificationPageSchema, (await api.call('GET', '/me/notifications', { token: await api.login(phone) })).body)
    }
  })

  it.each([
    ['POST', '/events', organiserPhone(1), { title: '讲' }, 400, 'VALIDATION_FAILED'],
    ['PATCH', '/events/evt-lecture-full', organiserPhone(1), { capacity: 1 }, 409, 'CAPACITY_BELOW_REGISTERED'],
    ['PATCH', '/events/evt-exchange-cancelled', organiserPhone(1), { title: '片区交流：恢复' }, 409, 'EVENT_CANCELLED'],
    ['PATCH', '/events/evt-field-today', organiserPhone(1), { capacity: 100 }, 409, 'EVENT_STARTED'],
    ['POST', '/events/evt-lecture-past1/leave', secretaryPhone(1), { reason: '补请假' }, 409, 'TOO_LATE_TO_CANCEL'],
    ['POST', '/events/evt-lecture-next/checkin', secretaryPhone(1), { code: '000000' }, 409, 'CHECKIN_WINDOW_CLOSED'],
    ['POST', '/events/evt-field-today/checkin', secretaryPhone(2), { code: '000000', location: AT_HANWANG }, 400, 'CHECKIN_CODE_INVALID'],
    ['POST', '/events/evt-field-today/checkin', secretaryPhone(2), { code: '000000' }, 400, 'LOCATION_REQUIRED'],
    ['PUT', '/events/evt-lecture-full/attendance/u-s07', organiserPhone(1), { attendance: 'present' }, 409, 'NOT_REGISTERED'],
    ['GET', '/events/evt-lecture-full/registrations.csv', secretaryPhone(1), undefined, 403, 'FORBIDDEN'],
    ['POST', '/me/notifications/ntf-seed-1/read', secretaryPhone(1), undefined, 404, 'NOT_FOUND'],
  ] as const)('should answer %s %s with the error body (%#)', async (method, path, phone, body, status, code) => {
    const token = await api.login(phone)
    const res = await api.call(method, path, { token, body })
    expect(res.status).toBe(status)
    expectParses(apiErrorBodySchema, res.body)
    expect(res.body.error.code).toBe(code)
    expect(ERROR_CODES).toContain(res.body.error.code)
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    if (status !== 400) expect(res.body.error.fields).toBeUndefined()
  })
})
