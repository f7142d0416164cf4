import { createEvent, storedEvent, storedRegistrations, storedState } from '../support/fixtures'
import { createSecretaries, organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

let api: MockApi
beforeEach(async () => {
  api = await startMockApi()
})
afterEach(() => api.close())

const HOUR = 60 * 60 * 1000
const register = (token: string, eventId: string, body?: unknown, headers?: Record<string, string>) =>
  api.call('POST', `/events/${eventId}/registration`, { token, body, headers })
const unregister = (token: string, eventId: string) => api.call('DELETE', `/events/${eventId}/registration`, { token })
const registrationsOf = (eventId: string) => storedRegistrations(api, eventId)

describe('POST /events/:id/registration', () => {
  it('should register a secretary while seats remain and show it on the event', async () => {
    const token = await api.login(secretaryPhone(1))
    const res = await register(token, 'evt-lecture-open')
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ eventId: 'evt-lecture-open', userId: 'u-s01', status: 'registered', attendance: 'pending' })
    expect(res.body.waitlistPosition).toBeUndefined()
    const event = await api.call('GET', '/events/evt-lecture-open', { token })
    expect(event.body.registeredCount).toBe(1)
    expect(event.body.myRegistration.status).toBe('registered')
  })

  it('should answer 200 with the same registration when already registered', async () => {
    const token = await api.login(secretaryPhone(1))
    const first = await register(token, 'evt-lecture-open')
    const again = await register(token, 'evt-lecture-open')
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(await registrationsOf('evt-lecture-open')).toHaveLength(1)
  })

  it('should put a secretary on the waitlist of a full event with FIFO positions', async () => {
    // The seeded full lecture: 5 of 5 seats taken, 2 waiting.
    const first = await register(await api.login(secretaryPhone(1)), 'evt-lecture-full')
    const second = await register(await api.login(secretaryPhone(9)), 'evt-lecture-full')
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 })
    expect(second.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 4 })
    const event = await api.call('GET', '/events/evt-lecture-full', { token: await api.login(secretaryPhone(1)) })
    expect(event.body).toMatchObject({ registeredCount: 5, waitlistCount: 4 })
  })

  it('should refuse sign-up after the deadline with 409 SIGNUP_CLOSED', async () => {
    const res = await register(await api.login(secretaryPhone(1)), 'evt-lecture-closed')
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('SIGNUP_CLOSED')
    expect((await registrationsOf('evt-lecture-closed')).some((r) => r.userId === 'u-s01')).toBe(false)
  })

  it('should refuse sign-up for a cancelled event of the secretary\'s audience with 409 SIGNUP_CLOSED', async () => {
    const res = await register(await api.login(secretaryPhone(1)), 'evt-exchange-cancelled')
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('SIGNUP_CLOSED')
  })

  it('should treat a draft and another town\'s event as invisible (404)', async () => {
    const token = await api.login(secretaryPhone(1))
    expect((await register(token, 'evt-contest-draft')).status).toBe(404)
    expect((await register(token, 'evt-exchange-mountain')).status).toBe(404)
    expect((await register(token, 'no-such-event')).status).toBe(404)
    expect(await registrationsOf('evt-exchange-mountain')).toHaveLength(0)
  })

  it('should check 401, then 403, then 400, then 404, then 409', async () => {
    expect((await register('', 'evt-lecture-open', { bogus: 1 })).status).toBe(401)
    const organiser = await api.login(organiserPhone(1))
    const forbidden = await register(organiser, 'evt-contest-draft', { bogus: 1 })
    expect(forbidden.status).toBe(403)
    expect(forbidden.body.error.code).toBe('FORBIDDEN')
    const secretary = await api.login(secretaryPhone(1))
    expect((await register(secretary, 'evt-contest-draft', { bogus: 1 })).status).toBe(400)
    expect((await register(secretary, 'evt-contest-draft')).status).toBe(404)
    expect((await register(secretary, 'evt-lecture-closed')).status).toBe(409)
  })

  it('should refuse unknown fields and wrong types with 400 and store nothing', async () => {
    const token = await api.login(secretaryPhone(1))
    const tooLong = ['政'.repeat(31)]
    const tooMany = Array.from({ length: 11 }, (_, i) => `项目${i}`)
    const control = ['政策理论\u0007知识竞答']
    for (const body of [{ seat: 1 }, { contestItems: '政策理论知识竞答' }, { contestItems: [1] }, ['x'], 'text', { __proto__x: 1 }, { contestItems: tooLong }, { contestItems: tooMany }, { contestItems: control }]) {
      const res = await register(token, 'evt-contest-open', body)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    const polluted = await api.call('POST', '/events/evt-contest-open/registration', {
      token,
      raw: '{"__proto__":{"status":"registered"},"contestItems":["政策理论知识竞答"]}',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(polluted.status).toBe(400)
    expect((await registrationsOf('evt-contest-open')).some((r) => r.userId === 'u-s01')).toBe(false)
  })

  describe('a 技能比武 contest', () => {
    it('should require at least one of the event\'s contest items', async () => {
      const token = await api.login(secretaryPhone(1))
      const none = await register(token, 'evt-contest-open')
      expect(none.status).toBe(400)
      expect(none.body.error.fields.contestItems).toEqual(expect.any(String))
      const empty = await register(token, 'evt-contest-open', { contestItems: [] })
      expect(empty.status).toBe(400)
      const unknown = await register(token, 'evt-contest-open', { contestItems: ['拔河'] })
      expect(unknown.status).toBe(400)
      expect(unknown.body.error.fields.contestItems).toContain('拔河')
      expect((await registrationsOf('evt-contest-open')).some((r) => r.userId === 'u-s01')).toBe(false)
    })

    it('should register with the chosen contest items', async () => {
      const res = await register(await api.login(secretaryPhone(1)), 'evt-contest-open', {
        contestItems: ['群众工作情景模拟', '产业项目路演'],
      })
      expect(res.status).toBe(201)
      expect(res.body.contestItems).toEqual(['群众工作情景模拟', '产业项目路演'])
    })

    it('should refuse contest items for an event that is not a contest', async () => {
      const res = await register(await api.login(secretaryPhone(1)), 'evt-lecture-open', { contestItems: ['政策理论知识竞答'] })
      expect(res.status).toBe(400)
      expect(res.body.error.fields.contestItems).toBeDefined()
    })
  })

  describe('with an Idempotency-Key', () => {
    it('should replay the first answer for the same key and body and change nothing', async () => {
      const token = await api.login(secretaryPhone(1))
      const headers = { 'Idempotency-Key': 'b6c7f0a2-1d5e-4f7a-9a51-7d6a1e2f3b4c' }
      const first = await register(token, 'evt-lecture-open', {}, headers)
      await unregister(token, 'evt-lecture-open')
      const replay = await register(token, 'evt-lecture-open', {}, headers)
      expect(replay.status).toBe(first.status)
      expect(replay.body).toEqual(first.body)
      // The replay did not sign up again: the registration stays cancelled.
      expect((await registrationsOf('evt-lecture-open'))[0].status).toBe('cancelled')
    })

    it('should answer 422 IDEMPOTENCY_KEY_REUSED for the same key with a different body', async () => {
      const token = await api.login(secretaryPhone(1))
      const headers = { 'Idempotency-Key': 'key-1' }
      await register(token, 'evt-contest-open', { contestItems: ['政策理论知识竞答'] }, headers)
      const reused = await register(token, 'evt-contest-open', { contestItems: ['产业项目路演'] }, headers)
      expect(reused.status).toBe(422)
      expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    })

    it('should scope keys to the caller, so two secretaries may use the same key', async () => {
      const headers = { 'Idempotency-Key': 'shared-key' }
      const a = await register(await api.login(secretaryPhone(1)), 'evt-lecture-open', {}, headers)
      const b = await register(await api.login(secretaryPhone(2)), 'evt-lecture-open', {}, headers)
      expect(a.body.userId).toBe('u-s01')
      expect(b.body.userId).toBe('u-s02')
      expect(await registrationsOf('evt-lecture-open')).toHaveLength(2)
    })

    it('should not store an error answer, so a retry after the error can succeed', async () => {
      const token = await api.login(secretaryPhone(1))
      const headers = { 'Idempotency-Key': 'retry-after-error' }
      expect((await register(token, 'evt-contest-open', {}, headers)).status).toBe(400)
      expect((await register(token, 'evt-contest-open', {}, headers)).status).toBe(400)
    })

    it('should refuse a key longer than 255 characters', async () => {
      const res = await register(await api.login(secretaryPhone(1)), 'evt-lecture-open', {}, { 'Idempotency-Key': 'k'.repeat(256) })
      expect(res.status).toBe(400)
    })
  })

  describe('under concurrency', () => {
    it('should register exactly 30 of 200 simultaneous secretaries at capacity 30 and waitlist 170 at positions 1..170', async () => {
      const event = await createEvent(api, { capacity: 30 })
      const tokens = await createSecretaries(api, 200)
      const answers = await Promise.all(tokens.map((token) => register(token, event.id)))
      expect(answers.every((a) => a.status === 201)).toBe(true)
      const registered = answers.filter((a) => a.body.status === 'registered')
      const waitlisted = answers.filter((a) => a.body.status === 'waitlisted')
      expect(registered).toHaveLength(30)
      expect(waitlisted).toHaveLength(170)
      expect(waitlisted.map((a) => a.body.waitlistPosition).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 170 }, (_, i) => i + 1),
      )
      const view = await api.call('GET', `/events/${event.id}`, { token: tokens[0] })
      expect(view.body).toMatchObject({ registeredCount: 30, waitlistCount: 170 })
    })

    it('should keep one registration per secretary however many requests arrive at once', async () => {
      const token = await api.login(secretaryPhone(1))
      const answers = await Promise.all(Array.from({ length: 25 }, () => register(token, 'evt-lecture-open')))
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
      expect(answers.filter((a) => a.status === 200)).toHaveLength(24)
      expect(await registrationsOf('evt-lecture-open')).toHaveLength(1)
    })
  })
})

describe('DELETE /events/:id/registration', () => {
  it('should cancel before the start and promote the head of the waitlist, who is notified', async () => {
    const token = await api.login(secretaryPhone(2)) // holds a seat of the full lecture; 7 and 8 wait
    const res = await unregister(token, 'evt-lecture-full')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'cancelled', userId: 'u-s02' })
    const promoted = await api.call('GET', '/events/evt-lecture-full', { token: await api.login(secretaryPhone(7)) })
    expect(promoted.body.myRegistration).toMatchObject({ status: 'registered' })
    expect(promoted.body).toMatchObject({ registeredCount: 5, waitlistCount: 1 })
    const next = await api.call('GET', '/events/evt-lecture-full', { token: await api.login(secretaryPhone(8)) })
    expect(next.body.myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    const notes = (await storedState(api)).notifications.filter((n) => n.userId === 'u-s07')
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ kind: 'waitlist_promoted', read: false })
    expect(notes[0].link).toContain('evt-lecture-full')
  })

  it('should close the gap in the waitlist when someone waiting cancels', async () => {
    const seven = await api.login(secretaryPhone(7))
    expect((await unregister(seven, 'evt-lecture-full')).body.status).toBe('cancelled')
    const eight = await api.call('GET', '/events/evt-lecture-full', { token: await api.login(secretaryPhone(8)) })
    expect(eight.body.myRegistration.waitlistPosition).toBe(1)
    expect(eight.body.registeredCount).toBe(5)
  })

  it('should let a secretary who cancelled sign up again, at the end of the line', async () => {
    const token = await api.login(secretaryPhone(2))
    await unregister(token, 'evt-lecture-full')
    const again = await register(token, 'evt-lecture-full')
    expect(again.status).toBe(201)
    expect(again.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
  })

  it('should answer 409 NOT_REGISTERED when there is nothing to cancel', async () => {
    const token = await api.login(secretaryPhone(1))
    const res = await unregister(token, 'evt-lecture-open')
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('NOT_REGISTERED')
  })

  it('should answer 409 TOO_LATE_TO_CANCEL once the event has started', async () => {
    const token = await api.login(secretaryPhone(1))
    await register(token, 'evt-lecture-open')
    const event = (await storedEvent(api, 'evt-lecture-open'))!
    api.setNow(event.startAt)
    const res = await unregister(token, 'evt-lecture-open')
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('TOO_LATE_TO_CANCEL')
    expect((await registrationsOf('evt-lecture-open'))[0].status).toBe('registered')
  })

  it('should refuse organisers with 403 and strangers with 401', async () => {
    expect((await unregister(await api.login(organiserPhone(1)), 'evt-lecture-open')).status).toBe(403)
    expect((await unregister('', 'evt-lecture-open')).status).toBe(401)
  })

  it('should keep the sign-up window relative to the clock: one hour after the deadline it is closed', async () => {
    const event = await createEvent(api)
    api.setNow(event.signupDeadline + HOUR)
    const res = await register(await api.login(secretaryPhone(1)), event.id)
    expect(res.body.error.code).toBe('SIGNUP_CLOSED')
  })
})
