import { randomBytes } from 'node:crypto'
import type { EventRecord, RegistrationRecord } from '../../mock/db'
import type { MockApi } from './mock-api'

const HOUR = 60 * 60 * 1000

/** Adds a published event (two days ahead, 30 seats) straight to the mock's store, bypassing POST /events' rules. */
export function createEvent(api: MockApi, overrides: Partial<EventRecord> = {}): EventRecord {
  const now = api.mock.clock.now()
  const event: EventRecord = {
    id: api.mock.db.nextId('evt-test-'),
    type: 'lecture',
    title: '强村讲堂：测试场次',
    description: '用于测试的活动',
    venue: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号' },
    startAt: now + 48 * HOUR,
    endAt: now + 50 * HOUR,
    signupDeadline: now + 24 * HOUR,
    capacity: 30,
    credits: 2,
    audienceTowns: [],
    status: 'published',
    createdBy: 'u-o1',
    createdAt: now - HOUR,
    checkinSecret: randomBytes(16).toString('hex'),
    ...overrides,
  }
  api.mock.db.state.events.push(event)
  return event
}

/** A valid POST /events body: a 强村讲堂 two days after the mock's now, with overrides. */
export function createEventBody(api: MockApi, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = api.mock.clock.now()
  const iso = (ms: number) => new Date(ms).toISOString()
  return {
    type: 'lecture',
    title: '强村讲堂：集体经济项目谋划',
    description: '讲解集体经济项目的谋划与申报。\n请带上本村台账。',
    speaker: '市农业农村局 陈志刚',
    venue: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号', lat: 31.3386, lng: 104.2205 },
    startAt: iso(now + 48 * HOUR),
    endAt: iso(now + 50 * HOUR),
    signupDeadline: iso(now + 24 * HOUR),
    capacity: 30,
    credits: 2,
    audience: { towns: [] },
    ...overrides,
  }
}

/** Adds a registration straight to the mock's store (e.g. for a past event), registered and pending unless overridden. */
export function createRegistration(
  api: MockApi,
  event: EventRecord,
  userId: string,
  overrides: Partial<RegistrationRecord> = {},
): RegistrationRecord {
  const record: RegistrationRecord = {
    eventId: event.id,
    userId,
    status: 'registered',
    seq: api.mock.db.nextSeq(),
    attendance: 'pending',
    createdAt: event.createdAt,
    audit: [],
    ...overrides,
  }
  ;(api.mock.db.state.registrations[event.id] ??= []).push(record)
  return record
}
