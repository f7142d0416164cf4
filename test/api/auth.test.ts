import { startMockApi, secretaryPhone, organiserPhone, type MockApi } from '../support/mock-api'

let api: MockApi
beforeEach(async () => {
  api = await startMockApi()
})
afterEach(() => api.close())

describe('POST /auth/sms-code', () => {
  it('should answer 204 for a known phone and 429 RATE_LIMITED for the same phone within 60 s', async () => {
    expect((await api.call('POST', '/auth/sms-code', { body: { phone: secretaryPhone(1) } })).status).toBe(204)
    const again = await api.call('POST', '/auth/sms-code', { body: { phone: secretaryPhone(1) } })
    expect(again.status).toBe(429)
    expect(again.body.error.code).toBe('RATE_LIMITED')
    expect(again.body.error.retryAfter).toBe(60)
    expect(again.headers.get('retry-after')).toBe('60')
    api.setNow(api.mock.clock.now() + 60_000)
    expect((await api.call('POST', '/auth/sms-code', { body: { phone: secretaryPhone(1) } })).status).toBe(204)
  })

  it('should answer an unknown phone exactly like a known one, so accounts cannot be probed', async () => {
    const res = await api.call('POST', '/auth/sms-code', { body: { phone: '13012345678' } })
    expect(res.status).toBe(204)
    expect(res.body).toBe('')
  })

  it('should refuse a malformed phone with 400 and a field message', async () => {
    const res = await api.call('POST', '/auth/sms-code', { body: { phone: '12345' } })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.fields.phone).toEqual(expect.any(String))
  })
})

describe('POST /auth/login', () => {
  it('should sign a demo secretary in with code 123456 and return the token and the user', async () => {
    const res = await api.call('POST', '/auth/login', { body: { phone: secretaryPhone(1), code: '123456' } })
    expect(res.status).toBe(200)
    expect(res.body.token).toEqual(expect.any(String))
    expect(res.body.user).toMatchObject({ id: 'u-s01', role: 'secretary', phone: secretaryPhone(1) })
    expect(res.body.user.village).toBeTruthy()
  })

  it('should sign an organiser in', async () => {
    const res = await api.call('POST', '/auth/login', { body: { phone: organiserPhone(2), code: '123456' } })
    expect(res.status).toBe(200)
    expect(res.body.user.role).toBe('organiser')
  })

  it('should give the same 401 LOGIN_FAILED for a wrong code and for an unknown phone', async () => {
    const wrongCode = await api.call('POST', '/auth/login', { body: { phone: secretaryPhone(1), code: '654321' } })
    const unknown = await api.call('POST', '/auth/login', { body: { phone: '13012345678', code: '123456' } })
    expect(wrongCode.status).toBe(401)
    expect(wrongCode.body.error.code).toBe('LOGIN_FAILED')
    expect(unknown.status).toBe(401)
    expect(unknown.body).toEqual(wrongCode.body)
  })

  it('should refuse unknown fields, wrong types and control characters with 400', async () => {
    const extra = await api.call('POST', '/auth/login', { body: { phone: secretaryPhone(1), code: '123456', admin: true } })
    expect(extra.status).toBe(400)
    expect(extra.body.error.fields.admin).toBeDefined()
    const wrongType = await api.call('POST', '/auth/login', { body: { phone: 13800000001, code: 123456 } })
    expect(wrongType.status).toBe(400)
    expect(Object.keys(wrongType.body.error.fields).sort()).toEqual(['code', 'phone'])
    const control = await api.call('POST', '/auth/login', { body: { phone: '1380000\u00000001', code: '123456' } })
    expect(control.status).toBe(400)
  })

  it('should refuse a body that is not JSON with 400 and a JSON body over 1 MB with 413', async () => {
    const broken = await api.call('POST', '/auth/login', { raw: '{"phone":', headers: { 'Content-Type': 'application/json' } })
    expect(broken.status).toBe(400)
    expect(broken.body.error.code).toBe('VALIDATION_FAILED')
    const huge = await api.call('POST', '/auth/login', {
      body: { phone: secretaryPhone(1), code: '123456', pad: 'x'.repeat(1024 * 1024) },
    })
    expect(huge.status).toBe(413)
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE')
  })
})

describe('GET /me and POST /auth/logout', () => {
  it('should return the signed-in user and 401 without or with a bad token', async () => {
    const token = await api.login(secretaryPhone(3))
    const me = await api.call('GET', '/me', { token })
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ id: 'u-s03', phone: secretaryPhone(3) })
    expect((await api.call('GET', '/me')).status).toBe(401)
    const bad = await api.call('GET', '/me', { token: 'not-a-token' })
    expect(bad.status).toBe(401)
    expect(bad.body.error.code).toBe('UNAUTHORIZED')
  })

  it('should stop the token working after logout', async () => {
    const token = await api.login(secretaryPhone(4))
    expect((await api.call('POST', '/auth/logout', { token })).status).toBe(204)
    expect((await api.call('GET', '/me', { token })).status).toBe(401)
  })
})

describe('GET /users', () => {
  it('should list people for organisers with whole phones and refuse secretaries with 403', async () => {
    const organiser = await api.login(organiserPhone(1))
    const res = await api.call('GET', '/users?role=secretary&town=孝德镇', { token: organiser })
    expect(res.status).toBe(200)
    expect(res.body.total).toBeGreaterThan(0)
    for (const u of res.body.items) {
      expect(u).toMatchObject({ role: 'secretary', town: '孝德镇' })
      expect(u.phone).toMatch(/^1\d{10}$/)
    }
    const secretary = await api.login(secretaryPhone(1))
    expect((await api.call('GET', '/users', { token: secretary })).status).toBe(403)
  })
})

describe('the error format and the route table', () => {
  it('should answer unknown paths with 404 and wrong methods with 405, both in the error format', async () => {
    const missing = await api.call('GET', '/nowhere')
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) })
    const wrongMethod = await api.call('PUT', '/auth/login', { body: {} })
    expect(wrongMethod.status).toBe(405)
  })

  it('should restore the seed on POST /__mock/reset and move the clock on POST /__mock/clock', async () => {
    const token = await api.login(secretaryPhone(1))
    await api.call('POST', '/events/evt-lecture-open/registration', { token })
    expect((await api.call('POST', '/__mock/reset')).status).toBe(204)
    expect((await api.call('GET', '/me', { token })).status).toBe(401)
    const moved = await api.call('POST', '/__mock/clock', { body: { now: '2027-03-21T09:00:00+08:00' } })
    expect(moved.status).toBe(200)
    expect(api.mock.clock.now()).toBe(Date.parse('2027-03-21T01:00:00Z'))
    expect((await api.call('POST', '/__mock/clock', { body: { now: 'tomorrow' } })).status).toBe(400)
  })
})
