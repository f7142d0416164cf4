import type { Event } from '@/api/contract/event'
import {
  checkEventEdit,
  checkNewEvent,
  emptyFormValues,
  formFieldOf,
  formValuesFromEvent,
  serverFieldErrors,
  type EventFormValues,
} from '@/features/event-admin/lib/event-form'

const NOW = Date.parse('2027-03-10T10:00:00+08:00')

/** A complete, valid form for a 强村讲堂 on 21 March 2027. */
function createFormValues(overrides: Partial<EventFormValues> = {}): EventFormValues {
  return {
    ...emptyFormValues(NOW),
    title: '强村讲堂：村级财务规范',
    description: '讲解村级财务管理。',
    speaker: '市财政局 李明',
    venueName: '绵竹市委党校报告厅',
    venueAddress: '绵竹市剑南街道棋盘街 8 号',
    startDate: '2027-03-21',
    startTime: '09:00',
    endDate: '2027-03-21',
    endTime: '11:30',
    deadlineDate: '2027-03-20',
    deadlineTime: '18:00',
    capacity: '50',
    credits: 2.5,
    towns: ['汉旺镇', '清平镇'],
    ...overrides,
  }
}

/** The event the form above posts, as the server answers it. */
function createEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: 'evt-9',
    type: 'lecture',
    title: '强村讲堂：村级财务规范',
    description: '讲解村级财务管理。',
    speaker: '市财政局 李明',
    venue: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号' },
    startAt: '2027-03-21T09:00:00+08:00',
    endAt: '2027-03-21T11:30:00+08:00',
    signupDeadline: '2027-03-20T18:00:00+08:00',
    capacity: 50,
    credits: 2.5,
    audience: { towns: ['汉旺镇', '清平镇'] },
    status: 'published',
    registeredCount: 12,
    waitlistCount: 0,
    ...overrides,
  }
}

describe('checkNewEvent', () => {
  it("should hold a town organiser to their own towns, and start their form with them chosen", () => {
    const scope = ['孝德镇']
    expect(emptyFormValues(NOW, scope).towns).toEqual(['孝德镇'])
    for (const towns of [[], ['清平镇'], ['孝德镇', '清平镇']]) {
      const checked = checkNewEvent(createFormValues({ towns }), 'published', NOW, scope)
      expect(checked).toEqual({ ok: false, errors: { towns: '只能面向你管理的镇（街道）：孝德镇' } })
    }
    expect(checkNewEvent(createFormValues({ towns: ['孝德镇'] }), 'published', NOW, scope).ok).toBe(true)
    // The city organiser may choose any towns, or none (the whole city).
    expect(checkNewEvent(createFormValues({ towns: [] }), 'published', NOW).ok).toBe(true)
  })

  it('should build the POST /events body with China-time instants and numbers', () => {
    const checked = checkNewEvent(createFormValues({ title: '  强村讲堂：村级财务规范 ', lat: '31.338', lng: '104.2' }), 'published', NOW)
    expect(checked).toEqual({
      ok: true,
      body: {
        type: 'lecture',
        title: '强村讲堂：村级财务规范',
        description: '讲解村级财务管理。',
        speaker: '市财政局 李明',
        venue: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号', lat: 31.338, lng: 104.2 },
        startAt: '2027-03-21T09:00:00+08:00',
        endAt: '2027-03-21T11:30:00+08:00',
        signupDeadline: '2027-03-20T18:00:00+08:00',
        capacity: 50,
        credits: 2.5,
        audience: { towns: ['汉旺镇', '清平镇'] },
        status: 'published',
      },
    })
  })

  it('should leave out the speaker of anything but a 强村讲堂, and send contest items only for a 技能比武', () => {
    const exchange = checkNewEvent(createFormValues({ type: 'exchange', contestItems: ['不会发送'] }), 'draft', NOW)
    expect(exchange.ok && exchange.body).toEqual(expect.not.objectContaining({ speaker: expect.anything() }))
    expect(exchange.ok && 'contestItems' in exchange.body).toBe(false)
    const contest = checkNewEvent(createFormValues({ type: 'contest', contestItems: [' 政策知识竞答 ', '项目路演'] }), 'draft', NOW)
    expect(contest.ok && contest.body.contestItems).toEqual(['政策知识竞答', '项目路演'])
    expect(contest.ok && contest.body.status).toBe('draft')
  })

  it('should name every blank required field in Chinese', () => {
    const checked = checkNewEvent(createFormValues({ title: ' ', venueName: '', venueAddress: '', capacity: '', startDate: '' }), 'published', NOW)
    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.errors).toEqual({
      title: '请填写活动名称',
      venueName: '请填写地点名称',
      venueAddress: '请填写详细地址',
      capacity: '请填写名额',
      startAt: '请选择开始日期和时间',
    })
  })

  it('should apply the server\'s rules: length, range, step, order of times, start in the future, contest items', () => {
    const checked = checkNewEvent(
      createFormValues({
        type: 'contest',
        title: '讲',
        capacity: '1001',
        credits: 0.3,
        endTime: '08:00',
        deadlineDate: '2027-03-22',
        contestItems: [],
      }),
      'published',
      NOW,
    )
    expect(!checked.ok && checked.errors).toEqual({
      title: '至少 2 个字',
      capacity: '名额最多 1000 人',
      credits: '学时以 0.5 为单位',
      endAt: '结束时间应晚于开始时间',
      signupDeadline: '报名截止不能晚于开始时间',
      contestItems: '至少设置 1 个比赛项目',
    })
    const past = checkNewEvent(createFormValues({ startDate: '2027-03-01', deadlineDate: '2027-02-28', endDate: '2027-03-01' }), 'draft', NOW)
    expect(!past.ok && past.errors).toEqual({ startAt: '开始时间应晚于现在' })
  })

  it('should point at the contest item that is blank and ask for both coordinates or none', () => {
    const checked = checkNewEvent(createFormValues({ type: 'contest', contestItems: ['竞答', ''], lat: '31.3' }), 'published', NOW)
    expect(!checked.ok && checked.errors).toEqual({
      contestItems: '第 2 个比赛项目还没填写，请填写或删除',
      coordinates: '请同时填写纬度和经度，或都不填',
    })
    const far = checkNewEvent(createFormValues({ lat: '91', lng: '104' }), 'published', NOW)
    expect(!far.ok && far.errors).toEqual({ coordinates: '纬度应在 -90 到 90 之间' })
  })
})

describe('checkEventEdit', () => {
  it("should refuse a town organiser's audience change outside their towns, and let other edits through", () => {
    const event = createEvent({ audience: { towns: ['孝德镇'] } })
    const values = formValuesFromEvent(event)
    const widened = checkEventEdit({ ...values, towns: [] }, event, false, NOW, ['孝德镇'])
    expect(widened).toEqual({ ok: false, errors: { towns: '只能面向你管理的镇（街道）：孝德镇' } })
    expect(checkEventEdit({ ...values, title: '强村讲堂：财务公开' }, event, false, NOW, ['孝德镇'])).toEqual({
      ok: true,
      body: { title: '强村讲堂：财务公开' },
    })
  })

  it('should send only the fields that changed', () => {
    const event = createEvent()
    const values = { ...formValuesFromEvent(event), capacity: '80', endTime: '12:00', towns: ['清平镇', '汉旺镇'] }
    expect(checkEventEdit(values, event, false, NOW)).toEqual({ ok: true, body: { capacity: 80, endAt: '2027-03-21T12:00:00+08:00' } })
  })

  it('should send nothing when nothing changed, and only the status when a draft is published as is', () => {
    const draft = createEvent({ status: 'draft' })
    expect(checkEventEdit(formValuesFromEvent(draft), draft, false, NOW)).toEqual({ ok: true, body: {} })
    expect(checkEventEdit(formValuesFromEvent(draft), draft, true, NOW)).toEqual({ ok: true, body: { status: 'published' } })
  })

  it('should not ask an unchanged start to lie in the future, but a moved one must', () => {
    const started = createEvent({ startAt: '2027-03-10T09:00:00+08:00', endAt: '2027-03-10T12:00:00+08:00', signupDeadline: '2027-03-09T18:00:00+08:00' })
    const values = formValuesFromEvent(started)
    expect(checkEventEdit({ ...values, title: '强村讲堂：改个名字' }, started, false, NOW)).toEqual({ ok: true, body: { title: '强村讲堂：改个名字' } })
    const moved = checkEventEdit({ ...values, startTime: '09:30' }, started, false, NOW)
    expect(!moved.ok && moved.errors.startAt).toBe('开始时间应晚于现在')
  })

  it('should remove a 强村讲堂\'s speaker with an empty string and send the whole venue when a part changes', () => {
    const event = createEvent({ venue: { name: '党校', address: '棋盘街 8 号', lat: 31.3, lng: 104.2 } })
    const values = { ...formValuesFromEvent(event), speaker: '', lat: '', lng: '' }
    expect(checkEventEdit(values, event, false, NOW)).toEqual({ ok: true, body: { speaker: '', venue: { name: '党校', address: '棋盘街 8 号' } } })
  })
})

describe('server field errors', () => {
  it('should place the API\'s field paths on the form\'s fields', () => {
    expect(formFieldOf(['venue', 'name'])).toBe('venueName')
    expect(formFieldOf('venue.lat')).toBe('coordinates')
    expect(formFieldOf('audience.towns.3')).toBe('towns')
    expect(formFieldOf(['contestItems', 0])).toBe('contestItems')
    expect(formFieldOf('status')).toBeNull()
    expect(serverFieldErrors({ title: '标题已存在', 'venue.address': '地址太长', unknown: '?' })).toEqual({
      title: '标题已存在',
      venueAddress: '地址太长',
    })
  })
})
