import { z } from 'zod'
import type { Attendance, EventType } from '../src/api/contract/event'
import { chinaYear, chinaYearRange } from './china-time'
import { seededCheckinSecret, type Db, type RegistrationRecord, type UserRecord } from './db'
import { findRegistration, holdsSeat } from './domain'
import { HttpError, parseOrThrow } from './http'
import { TOWNS } from './seed'

// Test-only data for long lists (POST /__mock/bulk, issue 6): one event's 名单 or one secretary's
// 出勤记录 of this year filled up to N rows with synthetic secretaries and events.

const HOUR = 60 * 60 * 1000
const MAX_ROWS = 10_000
const rowCount = z.number().int().min(1).max(MAX_ROWS)
const rosterFillSchema = z.strictObject({ eventId: z.string().min(1), registrations: rowCount })
const attendanceFillSchema = z.strictObject({ attendanceFor: z.string().min(1), records: rowCount })

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何罗高林'
const GIVEN = ['建华', '秀兰', '国强', '丽芳', '德兵', '春梅', '永红', '小琴', '志军', '玉珍', '文涛', '海英']
const TYPES: EventType[] = ['lecture', 'exchange', 'field']
const TYPE_TITLES: Record<string, string> = { lecture: '强村讲堂', exchange: '片区交流', field: '现场拉练' }

/** Attendance of the k-th synthetic row of a finished event: mostly present, some late, on leave or absent. */
function pastAttendance(k: number): Attendance {
  return k % 11 === 0 ? 'leave' : k % 7 === 0 ? 'pending' : k % 5 === 0 ? 'late' : 'present'
}

function registration(eventId: string, userId: string, seq: number, attendance: Attendance, startAt: number, now: number): RegistrationRecord {
  return {
    eventId,
    userId,
    status: 'registered',
    seq,
    attendance,
    createdAt: now,
    audit: [],
    ...(attendance === 'present' || attendance === 'late' ? { checkedInAt: startAt + (attendance === 'late' ? 25 : -10) * 60_000 } : {}),
    ...(attendance === 'leave' ? { leaveReason: '村里有急事，无法参加' } : {}),
  }
}

/** The k-th synthetic secretary (u-bulk-k, phone 137…k), added to the store on first use. */
function bulkSecretary(db: Db, byId: Map<string, UserRecord>, k: number): UserRecord {
  const id = `u-bulk-${k}`
  const known = byId.get(id)
  if (known) return known
  const place = TOWNS[k % TOWNS.length]
  const user: UserRecord = {
    id,
    name: SURNAMES[k % SURNAMES.length] + GIVEN[Math.floor(k / SURNAMES.length) % GIVEN.length],
    role: 'secretary',
    town: place.town,
    village: place.villages[k % place.villages.length],
    area: place.area,
    phone: `137${String(k).padStart(8, '0')}`,
  }
  db.state.users.push(user)
  byId.set(id, user)
  return user
}

/** Adds registered synthetic secretaries to an event until its roster has `rows` rows; capacity follows. */
function fillRoster(db: Db, eventId: string, rows: number, now: number) {
  const event = db.state.events.find((e) => e.id === eventId)
  if (!event) throw new HttpError(404, 'NOT_FOUND', '没有这个活动')
  const list = (db.state.registrations[eventId] ??= [])
  const listed = new Set(list.map((r) => r.userId))
  const byId = new Map(db.state.users.map((u) => [u.id, u]))
  const finished = now > event.endAt
  for (let k = 1; list.length < rows; k += 1) {
    const user = bulkSecretary(db, byId, k)
    if (listed.has(user.id)) continue
    list.push(registration(eventId, user.id, db.nextSeq(), finished ? pastAttendance(k) : 'pending', event.startAt, now))
  }
  event.capacity = Math.max(event.capacity, list.filter(holdsSeat).length)
  return { eventId, rows: list.length }
}

/** Adds finished events of this year (China time) that a secretary joined until their 出勤记录 has `rows` rows. */
function fillAttendance(db: Db, userId: string, rows: number, now: number) {
  const user = db.state.users.find((u) => u.id === userId && u.role === 'secretary')
  if (!user) throw new HttpError(404, 'NOT_FOUND', '没有这个书记')
  const year = chinaYear(now)
  const [from, to] = chinaYearRange(year)
  const inRecord = (e: (typeof db.state.events)[number]) =>
    e.status === 'published' && e.startAt >= from && e.startAt < to && findRegistration(db, e.id, userId)?.status === 'registered'
  const missing = rows - db.state.events.filter(inRecord).length
  // Spread over the year so far, each two hours long and over by now.
  const span = Math.max(HOUR, Math.min(now, to) - 2 * HOUR - from)
  for (let i = 0; i < missing; i += 1) {
    const id = db.nextId('evt-bulk-')
    const type = TYPES[i % TYPES.length]
    const startAt = from + Math.floor(((i + 0.5) * span) / missing)
    db.state.events.push({
      id,
      type,
      title: `${TYPE_TITLES[type]}：出勤记录样例第 ${i + 1} 期`,
      description: '批量生成的测试活动。',
      venue: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号' },
      startAt,
      endAt: startAt + 2 * HOUR,
      signupDeadline: startAt - 24 * HOUR,
      capacity: 30,
      credits: 1,
      audienceTowns: [user.town],
      status: 'published',
      createdBy: 'u-o1',
      createdAt: startAt - 20 * 24 * HOUR,
      checkinSecret: seededCheckinSecret(id),
    })
    db.state.registrations[id] = [registration(id, userId, db.nextSeq(), pastAttendance(i + 1), startAt, now)]
  }
  return { userId, year, rows: db.state.events.filter(inRecord).length }
}

/**
 * POST /__mock/bulk: `{eventId, registrations: N}` fills the event's 名单 to N rows (registered
 * synthetic secretaries u-bulk-1…, capacity raised to fit); `{attendanceFor, records: N}` fills that
 * secretary's 出勤记录 of this year to N rows with finished events. Rows already there count.
 */
export function applyBulk(db: Db, body: unknown, now: number) {
  if (body && typeof body === 'object' && 'attendanceFor' in body) {
    const { attendanceFor, records } = parseOrThrow(attendanceFillSchema, body)
    return fillAttendance(db, attendanceFor, records, now)
  }
  const { eventId, registrations } = parseOrThrow(rosterFillSchema, body)
  return fillRoster(db, eventId, registrations, now)
}
