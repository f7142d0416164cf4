import type { Event } from '@/api/contract/event'

/** An open 强村讲堂 a week from now, with overrides: the fixture of client-side event tests. */
export function createEvent(overrides: Partial<Event> = {}): Event {
  const day = 24 * 60 * 60 * 1000
  const iso = (ms: number) => new Date(ms).toISOString()
  const start = Date.now() + 7 * day
  return {
    id: 'evt-1',
    type: 'lecture',
    title: '强村讲堂：村集体经济“飞地经济”模式解析',
    description: '讲解集体经济发展路径。',
    speaker: '市农业农村局 陈志刚',
    venue: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号' },
    startAt: iso(start),
    endAt: iso(start + 3 * 60 * 60 * 1000),
    signupDeadline: iso(start - day),
    capacity: 30,
    credits: 2,
    audience: { towns: [] },
    status: 'published',
    registeredCount: 12,
    waitlistCount: 0,
    ...overrides,
  }
}
