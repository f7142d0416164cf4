import { createEvent, createEventBody, storedEvent, storedState } from '../support/fixtures'
import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

let api: MockApi
let organiser: string
beforeEach(async () => {
  api = await startMockApi()
  organiser = await api.login(organiserPhone(1))
})
afterEach(() => api.close())

const HOUR = 60 * 60 * 1000
const iso = (ms: number) => new Date(ms).toISOString()
const postEvent = (body: unknown, headers?: Record<string, string>) => api.call('POST', '/events', { token: organiser, body, headers })
const patchEvent = (id: string, body: unknown) => api.call('PATCH', `/events/${id}`, { token: organiser, body })
const cancelEvent = (id: string, reason = '场地临时维修，改期另行通知') =>
  api.call('POST', `/events/${id}/cancel`, { token: organiser, body: { reason } })
const stored = async (id: string) => (await storedEvent(api, id))!
const notesOf = async (userId: string, kind?: string) =>
  (await storedState(api)).notifications.filter((n) => n.userId === userId && (!kind || n.kind === kind))

describe('POST /events', () => {
  it('should post a published event with every field and answer 201 with the Event', async () => {
    const body = createEventBody(api, { audience: { towns: ['孝德镇', '汉旺镇'] } })
    const res = await postEvent(body)
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      type: 'lecture',
      title: body.title,
      description: body.description,
      speaker: body.speaker,
      venue: body.venue,
      capacity: 30,
      credits: 2,
      audience: { towns: ['孝德镇', '汉旺镇'] },
      status: 'published',
      registeredCount: 0,
      waitlistCount: 0,
    })
    expect(Date.parse(res.body.startAt)).toBe(Date.parse(body.startAt as string))
    expect(res.body.startAt).toMatch(/\+08:00$/)
    expect(res.body.checkinSecret).toBeUndefined()
    const detail = await api.call('GET', `/events/${res.body.id}`, { token: organiser })
    expect(detail.body).toEqual(res.body)
  })

  it('should show a posted event to the secretaries of its audience only', async () => {
    const res = await postEvent(createEventBody(api, { audience: { towns: ['孝德镇'] } }))
    const xiaode = await api.login(secretaryPhone(2)) // 孝德镇
    const jiannan = await api.login(secretaryPhone(1)) // 剑南街道
    expect((await api.call('GET', `/events/${res.body.id}`, { token: xiaode })).status).toBe(200)
    expect((await api.call('GET', `/events/${res.body.id}`, { token: jiannan })).status).toBe(404)
  })

  it('should keep a draft from secretaries', async () => {
    const res = await postEvent(createEventBody(api, { status: 'draft' }))
    expect(res.status).toBe(201)
    expect(res.body.status).toBe('draft')
    expect((await api.call('GET', `/events/${res.body.id}`, { token: await api.login(secretaryPhone(1)) })).status).toBe(404)
  })

  it('should post a contest with its items', async () => {
    const res = await postEvent(
      createEventBody(api, { type: 'contest', contestItems: ['政策理论知识竞答', '产业项目路演'], speaker: undefined }),
    )
    expect(res.status).toBe(201)
    expect(res.body.contestItems).toEqual(['政策理论知识竞答', '产业项目路演'])
  })

  it('should accept every bound exactly', async () => {
    const start = api.mock.clock.now() + 1
    const res = await postEvent(
      createEventBody(api, {
        title: '政'.repeat(60),
        description: '述'.repeat(2000),
        capacity: 1000,
        credits: 40,
        startAt: iso(start),
        signupDeadline: iso(start),
        endAt: iso(start + 1),
      }),
    )
    expect(res.status).toBe(201)
    const low = await postEvent(createEventBody(api, { title: '讲堂', description: '', capacity: 1, credits: 0 }))
    expect(low.status).toBe(201)
    const half = await postEvent(createEventBody(api, { credits: 1.5 }))
    expect(half.body.credits).toBe(1.5)
  })

  it.each([
    ['a one-character title', { title: '讲' }, 'title'],
    ['a 61-character title', { title: '政'.repeat(61) }, 'title'],
    ['a 2001-character description', { description: '述'.repeat(2001) }, 'description'],
    ['capacity 0', { capacity: 0 }, 'capacity'],
    ['capacity 1001', { capacity: 1001 }, 'capacity'],
    ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
    ['credits below 0', { credits: -0.5 }, 'credits'],
    ['credits above 40', { credits: 40.5 }, 'credits'],
    ['credits not in steps of 0.5', { credits: 1.3 }, 'credits'],
    ['an unknown type', { type: 'party' }, 'type'],
    ['a time without an offset', { startAt: '2026-12-05T09:00:00' }, 'startAt'],
    ['an unknown field', { hostId: 'u-o2' }, 'hostId'],
    ['an unknown audience town', { audience: { towns: ['火星镇'] } }, 'audience.towns'],
    ['a latitude without a longitude', { venue: { name: '党校', address: '绵竹市棋盘街 8 号', lat: 31.3 } }, 'venue.lng'],
    ['a control character in the title', { title: '强村\u0007讲堂' }, 'title'],
    ['the status cancelled', { status: 'cancelled' }, 'status'],
  ])('should refuse %s with 400 and the field, storing nothing', async (_label, overrides, field) => {
    const before = (await storedState(api)).events.length
    const res = await postEvent(createEventBody(api, overrides))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.fields[field]).toEqual(expect.any(String))
    expect((await storedState(api)).events).toHaveLength(before)
  })

  describe('cross-field rules', () => {
    it('should refuse an end that is not after the start', async () => {
      const body = createEventBody(api)
      const res = await postEvent({ ...body, endAt: body.startAt })
      expect(res.status).toBe(400)
      expect(Object.keys(res.body.error.fields)).toEqual(['endAt'])
    })

    it('should refuse a sign-up deadline after the start', async () => {
      const body = createEventBody(api)
      const res = await postEvent({ ...body, signupDeadline: iso(Date.parse(body.startAt as string) + 1000) })
      expect(res.status).toBe(400)
      expect(res.body.error.fields.signupDeadline).toEqual(expect.any(String))
    })

    it('should refuse a start that is now or in the past', async () => {
      const now = api.mock.clock.now()
      const res = await postEvent(createEventBody(api, { startAt: iso(now), signupDeadline: iso(now - HOUR) }))
      expect(res.status).toBe(400)
      expect(res.body.error.fields.startAt).toEqual(expect.any(String))
    })

    it('should compare instants, whatever offset the request uses', async () => {
      // 01:30Z is 09:30 China time: exactly now, so not in the future.
      const res = await postEvent(createEventBody(api, { startAt: '2026-12-01T01:30:00Z', signupDeadline: '2026-12-01T09:00:00+08:00' }))
      expect(res.body.error.fields.startAt).toBeDefined()
    })

    it('should require 1–10 distinct contest items for a contest and none otherwise', async () => {
      const contest = (contestItems?: string[]) => createEventBody(api, { type: 'contest', contestItems })
      expect((await postEvent(contest())).body.error.fields.contestItems).toBeDefined()
      expect((await postEvent(contest([]))).body.error.fields.contestItems).toBeDefined()
      expect((await postEvent(contest(Array.from({ length: 11 }, (_, i) => `项目${i}`)))).status).toBe(400)
      expect((await postEvent(contest(['拔河', '拔河']))).body.error.fields.contestItems).toBe('比赛项目不能重复')
      expect((await postEvent(contest(['项'.repeat(31)]))).status).toBe(400)
      const lecture = await postEvent(createEventBody(api, { contestItems: ['拔河'] }))
      expect(lecture.body.error.fields.contestItems).toBeDefined()
      expect((await postEvent(contest(Array.from({ length: 10 }, (_, i) => `项目${i}`)))).status).toBe(201)
    })

    it('should report every broken rule at once', async () => {
      const body = createEventBody(api, { type: 'contest', title: '讲' })
      const res = await postEvent({ ...body, endAt: body.startAt })
      // The schema's errors come first; cross-field rules run on a body that passed it.
      expect(res.body.error.fields.title).toBeDefined()
      const second = await postEvent({ ...createEventBody(api, { type: 'contest' }), endAt: body.startAt })
      expect(Object.keys(second.body.error.fields).sort()).toEqual(['contestItems', 'endAt'])
    })
  })

  it('should replay the first answer for the same Idempotency-Key and post once', async () => {
    const body = createEventBody(api)
    const headers = { 'Idempotency-Key': 'post-event-1' }
    const first = await postEvent(body, headers)
    const again = await postEvent(body, headers)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect((await storedState(api)).events.filter((e) => e.title === body.title)).toHaveLength(1)
  })

  it('should give each new event its own check-in secret', async () => {
    const a = await postEvent(createEventBody(api))
    const b = await postEvent(createEventBody(api))
    expect((await stored(a.body.id)).checkinSecret).toMatch(/^[0-9a-f]{64}$/)
    expect((await stored(a.body.id)).checkinSecret).not.toBe((await stored(b.body.id)).checkinSecret)
  })
})

describe('PATCH /events/:id', () => {
  it('should change the fields sent and keep the others', async () => {
    const res = await patchEvent('evt-lecture-open', { title: '强村讲堂：飞地经济（更新）', credits: 2.5 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ title: '强村讲堂：飞地经济（更新）', credits: 2.5, capacity: 80, speaker: '市农业农村局 陈志刚' })
  })

  it('should remove the speaker when it is sent empty', async () => {
    const res = await patchEvent('evt-lecture-open', { speaker: '' })
    expect(res.status).toBe(200)
    expect(res.body.speaker).toBeUndefined()
  })

  it('should check the rules on the merged event', async () => {
    const event = await stored('evt-lecture-open')
    const early = await patchEvent(event.id, { endAt: iso(event.startAt - HOUR) })
    expect(early.status).toBe(400)
    expect(early.body.error.fields.endAt).toBeDefined()
    const late = await patchEvent(event.id, { signupDeadline: iso(event.startAt + 1000) })
    expect(late.body.error.fields.signupDeadline).toBeDefined()
    expect((await patchEvent(event.id, { type: 'contest' })).body.error.fields.contestItems).toBeDefined()
    expect((await stored(event.id)).type).toBe('lecture')
  })

  it('should check that startAt lies ahead only when it changes', async () => {
    const event = await createEvent(api, { capacity: 10 })
    api.setNow(event.startAt + HOUR) // under way
    // The edit form sends every field back: unchanged times of a started event are fine.
    const same = await patchEvent(event.id, { title: '强村讲堂：改个标题', startAt: iso(event.startAt), endAt: iso(event.endAt), capacity: 10 })
    expect(same.status).toBe(200)
    const moved = await patchEvent(event.id, { startAt: iso(event.startAt - HOUR) })
    expect(moved.status).toBe(400)
    expect(moved.body.error.fields.startAt).toBeDefined()
  })

  it('should refuse changing the time, deadline or capacity of a started event with 409 EVENT_STARTED', async () => {
    const event = await createEvent(api)
    api.setNow(event.startAt)
    for (const body of [
      { endAt: iso(event.endAt + HOUR) },
      { capacity: 40 },
      { signupDeadline: iso(event.signupDeadline - HOUR) },
      { startAt: iso(event.startAt + HOUR), endAt: iso(event.endAt + HOUR) },
    ]) {
      const res = await patchEvent(event.id, body)
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('EVENT_STARTED')
    }
    expect(await stored(event.id)).toMatchObject({ endAt: event.endAt, capacity: 30 })
  })

  it('should refuse a capacity below the registered count with 409 CAPACITY_BELOW_REGISTERED', async () => {
    // The full lecture: 5 seats taken.
    const res = await patchEvent('evt-lecture-full', { capacity: 4 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('CAPACITY_BELOW_REGISTERED')
    expect((await stored('evt-lecture-full')).capacity).toBe(5)
    expect((await patchEvent('evt-lecture-full', { capacity: 5 })).status).toBe(200)
  })

  it('should promote the waitlist in order when the capacity grows, notifying each', async () => {
    const res = await patchEvent('evt-lecture-full', { capacity: 6 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ capacity: 6, registeredCount: 6, waitlistCount: 1 })
    expect(await notesOf('u-s07', 'waitlist_promoted')).toHaveLength(1)
    expect(await notesOf('u-s08', 'waitlist_promoted')).toHaveLength(0)
    const eight = await api.call('GET', '/events/evt-lecture-full', { token: await api.login(secretaryPhone(8)) })
    expect(eight.body.myRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
  })

  it('should publish a draft with {status: "published"}', async () => {
    const draft = await createEvent(api, { status: 'draft' })
    const secretary = await api.login(secretaryPhone(1))
    expect((await api.call('GET', `/events/${draft.id}`, { token: secretary })).status).toBe(404)
    const res = await patchEvent(draft.id, { status: 'published' })
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('published')
    expect((await api.call('GET', `/events/${draft.id}`, { token: secretary })).status).toBe(200)
  })

  it('should refuse to publish a draft whose start has passed', async () => {
    const draft = await createEvent(api, { status: 'draft' })
    api.setNow(draft.startAt + HOUR)
    const res = await patchEvent(draft.id, { status: 'published' })
    expect(res.status).toBe(400)
    expect(res.body.error.fields.startAt).toBeDefined()
    expect((await stored(draft.id)).status).toBe('draft')
  })

  it('should refuse to turn an event back into a draft', async () => {
    const res = await patchEvent('evt-lecture-open', { status: 'draft' })
    expect(res.status).toBe(400)
    expect(res.body.error.fields.status).toBeDefined()
  })

  it('should drop the contest items when a contest becomes another type', async () => {
    const res = await patchEvent('evt-contest-draft', { type: 'lecture' })
    expect(res.status).toBe(200)
    expect(res.body.contestItems).toBeUndefined()
  })

  it('should notify everyone registered, not those waiting, of a change of time', async () => {
    const event = await stored('evt-lecture-full') // 2–6 registered, 7 and 8 waiting
    const res = await patchEvent(event.id, { startAt: iso(event.startAt + HOUR), endAt: iso(event.endAt + HOUR) })
    expect(res.status).toBe(200)
    for (const id of ['u-s02', 'u-s03', 'u-s04', 'u-s05', 'u-s06']) {
      const [note] = await notesOf(id, 'event_changed')
      expect(note).toMatchObject({ title: '活动有调整', read: false, link: `/pages/event-detail/index?id=${event.id}` })
      expect(note.body).toContain('时间改为')
    }
    expect(await notesOf('u-s07', 'event_changed')).toHaveLength(0)
  })

  it('should notify everyone registered of a change of venue, and nobody of a new title', async () => {
    await patchEvent('evt-lecture-full', { title: '强村讲堂：财务规范（第二期）' })
    expect((await storedState(api)).notifications.filter((n) => n.kind === 'event_changed')).toHaveLength(0)
    await patchEvent('evt-lecture-full', { venue: { name: '孝德镇便民服务中心', address: '绵竹市孝德镇德阳路 1 号' } })
    const [note] = await notesOf('u-s02', 'event_changed')
    expect(note.body).toContain('孝德镇便民服务中心')
  })

  it('should refuse any change to a cancelled event with 409 EVENT_CANCELLED', async () => {
    const res = await patchEvent('evt-exchange-cancelled', { title: '片区交流：防汛防涝（恢复）' })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('EVENT_CANCELLED')
    expect((await patchEvent('evt-exchange-cancelled', { status: 'published' })).status).toBe(409)
  })

  it('should replay a PATCH for the same Idempotency-Key, so a retried save notifies once', async () => {
    const event = await stored('evt-lecture-full')
    const body = { startAt: iso(event.startAt + HOUR), endAt: iso(event.endAt + HOUR) }
    const headers = { 'Idempotency-Key': 'edit-time-1' }
    const first = await api.call('PATCH', `/events/${event.id}`, { token: organiser, body, headers })
    const retry = await api.call('PATCH', `/events/${event.id}`, { token: organiser, body, headers })
    expect(retry).toMatchObject({ status: 200, body: first.body })
    expect(await notesOf('u-s02', 'event_changed')).toHaveLength(1)
  })

  it('should check the body (400) before the event (404)', async () => {
    expect((await patchEvent('no-such-event', { bogus: 1 })).status).toBe(400)
    expect((await patchEvent('no-such-event', { title: '强村讲堂' })).status).toBe(404)
    expect((await patchEvent('evt-lecture-open', { capacity: 'many' })).status).toBe(400)
  })
})

describe('POST /events/:id/cancel', () => {
  it('should cancel the event and notify everyone registered or waitlisted with the reason', async () => {
    const event = await createEvent(api, { capacity: 1 })
    const tokens = [await api.login(secretaryPhone(1)), await api.login(secretaryPhone(2)), await api.login(secretaryPhone(3))]
    for (const token of tokens) await api.call('POST', `/events/${event.id}/registration`, { token })
    await api.call('DELETE', `/events/${event.id}/registration`, { token: tokens[2] })
    const res = await cancelEvent(event.id, '场地临时维修，改期另行通知')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('cancelled')
    for (const id of ['u-s01', 'u-s02']) {
      const [note] = await notesOf(id, 'event_cancelled')
      expect(note.body).toContain('场地临时维修，改期另行通知')
      expect(note.link).toBe(`/pages/event-detail/index?id=${event.id}`)
    }
    expect(await notesOf('u-s03', 'event_cancelled')).toHaveLength(0) // had cancelled their sign-up
    // Those who had joined still see it, cancelled, and cannot sign up again.
    const seen = await api.call('GET', `/events/${event.id}`, { token: tokens[0] })
    expect(seen.body.status).toBe('cancelled')
    expect((await api.call('POST', `/events/${event.id}/registration`, { token: tokens[2] })).body.error.code).toBe('SIGNUP_CLOSED')
  })

  it('should answer 200 with the event unchanged when it is already cancelled, notifying nobody again', async () => {
    const event = await createEvent(api)
    await api.call('POST', `/events/${event.id}/registration`, { token: await api.login(secretaryPhone(1)) })
    const first = await cancelEvent(event.id, '第一次取消的原因')
    const again = await cancelEvent(event.id, '第二次取消的原因')
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(await notesOf('u-s01', 'event_cancelled')).toHaveLength(1)
    expect((await stored(event.id)).cancelReason).toBe('第一次取消的原因')
  })

  it('should refuse to cancel an event that has started with 409 EVENT_STARTED', async () => {
    const event = await createEvent(api)
    api.setNow(event.startAt)
    const res = await cancelEvent(event.id)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('EVENT_STARTED')
    expect((await stored(event.id)).status).toBe('published')
  })

  it('should require a reason of 2–200 characters', async () => {
    for (const reason of ['', '雨', '因'.repeat(201)]) {
      const res = await api.call('POST', '/events/evt-lecture-open/cancel', { token: organiser, body: { reason } })
      expect(res.status).toBe(400)
      expect(res.body.error.fields.reason).toBeDefined()
    }
    expect((await api.call('POST', '/events/evt-lecture-open/cancel', { token: organiser })).status).toBe(400)
    expect((await stored('evt-lecture-open')).status).toBe('published')
  })
})
