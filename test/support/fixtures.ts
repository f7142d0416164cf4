import type { EventRecord } from '../../mock/db'
import type { MockApi } from './mock-api'

const HOUR = 60 * 60 * 1000

/** Adds a published event straight to the mock's store (POST /events arrives with the organiser screens). */
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
    ...overrides,
  }
  api.mock.db.state.events.push(event)
  return event
}
