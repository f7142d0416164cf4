import { expectParses } from '../support/contract'
import { loginResultSchema, userSchema } from '@/api/contract/auth'
import { apiErrorBodySchema, pageOf } from '@/api/contract/common'
import { eventPageSchema, eventSchema, registrationSchema } from '@/api/contract/event'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// Every answer of the mock must parse with the schema the client parses it with: the contract is one.
let api: MockApi
let secretary: string
let organiser: string
beforeAll(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
  organiser = await api.login(organiserPhone(1))
})
afterAll(() => api.close())


describe('mock answers against the contract schemas', () => {
  it('should answer login and /me as LoginResult and User', async () => {
    const login = await api.call('POST', '/auth/login', { body: { phone: secretaryPhone(2), code: '123456' } })
    expectParses(loginResultSchema, login.body)
    expectParses(userSchema, (await api.call('GET', '/me', { token: organiser })).body)
    expectParses(pageOf(userSchema), (await api.call('GET', '/users?pageSize=100', { token: organiser })).body)
  })

  it.each(['upcoming', 'past', 'all'])('should answer GET /events?when=%s as a page of Event for both roles', async (when) => {
    for (const token of [secretary, organiser]) {
      const res = await api.call('GET', `/events?when=${when}&pageSize=100`, { token })
      expectParses(eventPageSchema, res.body)
      for (const event of res.body.items) expectParses(eventSchema, event)
    }
  })

  it('should answer every seeded event detail as Event', async () => {
    const all = await api.call('GET', '/events?when=all&pageSize=100', { token: organiser })
    for (const { id } of all.body.items) {
      expectParses(eventSchema, (await api.call('GET', `/events/${id}`, { token: organiser })).body)
    }
  })

  it('should answer sign-up, waitlist and cancellation as Registration', async () => {
    expectParses(registrationSchema, (await api.call('POST', '/events/evt-lecture-open/registration', { token: secretary })).body)
    expectParses(registrationSchema, (await api.call('POST', '/events/evt-lecture-full/registration', { token: secretary })).body)
    expectParses(registrationSchema, (await api.call('DELETE', '/events/evt-lecture-open/registration', { token: secretary })).body)
  })

  it.each([
    ['GET', '/events/no-such', 404],
    ['GET', '/events?page=0', 400],
    ['GET', '/users', 403],
    ['POST', '/events/evt-lecture-closed/registration', 409],
  ] as const)('should answer %s %s with the error body (%i)', async (method, path, status) => {
    const res = await api.call(method, path, { token: secretary })
    expect(res.status).toBe(status)
    expectParses(apiErrorBodySchema, res.body)
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})
