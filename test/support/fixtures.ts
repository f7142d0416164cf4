import { randomBytes } from 'node:crypto'
import type { EventRecord, RegistrationRecord } from '../../mock/db'
import { insertEvent } from '../../mock/repos/events'
import { nextId, nextSeq } from '../../mock/repos/ids'
import { insertRegistration } from '../../mock/repos/registrations'
import type { MockApi } from './mock-api'

const HOUR = 60 * 60 * 1000

/** Adds a published event (two days ahead, 30 seats) straight to the mock's store, bypassing POST /events' rules. */
export async function createEvent(api: MockApi, overrides: Partial<EventRecord> = {}): Promise<EventRecord> {
  const now = api.mock.clock.now()
  const id = await api.mock.write((tx) => nextId(tx, 'evt-test-'))
  const event: EventRecord = {
    id,
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
  await api.mock.write((tx) => insertEvent(tx, event))
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
export async function createRegistration(
  api: MockApi,
  event: EventRecord,
  userId: string,
  overrides: Partial<RegistrationRecord> = {},
): Promise<RegistrationRecord> {
  const seq = await api.mock.write((tx) => nextSeq(tx))
  const record: RegistrationRecord = {
    eventId: event.id,
    userId,
    status: 'registered',
    seq,
    attendance: 'pending',
    createdAt: event.createdAt,
    audit: [],
    ...overrides,
  }
  await api.mock.write((tx) => insertRegistration(tx, record))
  return record
}

/** Everything stored, read fresh from the mock's database. */
export const storedState = (api: MockApi) => api.mock.state()

/** One event as stored now. */
export async function storedEvent(api: MockApi, id: string): Promise<EventRecord | undefined> {
  return (await api.mock.state()).events.find((e) => e.id === id)
}

/** The registrations of an event as stored now, in creation order. */
export async function storedRegistrations(api: MockApi, eventId: string): Promise<RegistrationRecord[]> {
  return (await api.mock.state()).registrations[eventId] ?? []
}

/** Changes a stored event: `change` gets it as stored and returns the fields to set. */
export async function changeEvent(api: MockApi, id: string, change: Partial<EventRecord>): Promise<EventRecord> {
  const { findEvent, updateEvent } = await import('../../mock/repos/events')
  return api.mock.write(async (tx) => {
    const event = await findEvent(tx, id)
    if (!event) throw new Error(`no event ${id}`)
    const next = { ...event, ...change }
    await updateEvent(tx, next)
    return next
  })
}
