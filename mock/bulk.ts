import { z } from 'zod'
import type { Attendance, EventType } from '../src/api/contract/event'
import { chinaYear, chinaYearRange } from '../src/api/contract/time'
import { newCheckinSecret, type EventRecord, type RegistrationRecord, type UserRecord } from './db'
import { holdsSeat } from './domain'
import { HttpError, parseOrThrow } from './http'
import { insertEvent, listEvents, lockEvent, updateEvent } from './repos/events'
import { nextId, nextSeq } from './repos/ids'
import { insertRegistration, registrationsOfEvent, registrationsOfUser } from './repos/registrations'
import { listTowns, type TownRecord } from './repos/towns'
import type { Tx } from './repos/tx'
import { findUser, insertUser, usersById } from './repos/users'

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

/** The id of the k-th synthetic secretary. */
const bulkId = (k: number) => `u-bulk-${k}`

/** The k-th synthetic secretary (u-bulk-k, phone 137…k), added to the store on first use. */
async function bulkSecretary(tx: Tx, byId: Map<string, UserRecord>, towns: TownRecord[], k: number): Promise<UserRecord> {
  const id = bulkId(k)
  const known = byId.get(id)
  if (known) return known
  const place = towns[k % towns.length]
  const user: UserRecord = {
    id,
    name: SURNAMES[k % SURNAMES.length] + GIVEN[Math.floor(k / SURNAMES.length) % GIVEN.length],
    role: 'secretary',
    town: place.town,
    village: place.villages[k % place.villages.length],
    area: place.area,
    phone: `137${String(k).padStart(8, '0')}`,
  }
  await insertUser(tx, user)
  byId.set(id, user)
  return user
}

/** Adds registered synthetic secretaries to an event until its roster has `rows` rows; capacity follows. */
async function fillRoster(tx: Tx, eventId: string, rows: number, now: number) {
  // Locked: the capacity is raised to the seats taken.
  const event = await lockEvent(tx, eventId)
  if (!event) throw new HttpError(404, 'NOT_FOUND', '没有这个活动')
  const list = await registrationsOfEvent(tx, eventId)
  const listed = new Set(list.map((r) => r.userId))
  let count = list.length
  let seats = list.filter(holdsSeat).length
  // Each k either adds a row or is one already listed, so k never passes `rows`.
  const byId = await usersById(tx, Array.from({ length: Math.max(0, rows - count + listed.size) }, (_, i) => bulkId(i + 1)))
  const towns = await listTowns(tx)
  const finished = now > event.endAt
  for (let k = 1; count < rows; k += 1) {
    const user = await bulkSecretary(tx, byId, towns, k)
    if (listed.has(user.id)) continue
    const record = registration(eventId, user.id, await nextSeq(tx), finished ? pastAttendance(k) : 'pending', event.startAt, now)
    await insertRegistration(tx, record)
    count += 1
    if (holdsSeat(record)) seats += 1
  }
  const capacity = Math.max(event.capacity, seats)
  if (capacity !== event.capacity) {
    event.capacity = capacity
    await updateEvent(tx, event)
  }
  return { eventId, rows: count }
}

/** How many events of [from, to) are in a secretary's 出勤记录: published, and registered for. */
async function recordCount(tx: Tx, userId: string, from: number, to: number): Promise<number> {
  const mine = await registrationsOfUser(tx, userId)
  return (await listEvents(tx, { from, to })).filter((e) => e.status === 'published' && mine.get(e.id)?.status === 'registered').length
}

/** Adds finished events of this year (China time) that a secretary joined until their 出勤记录 has `rows` rows. */
async function fillAttendance(tx: Tx, userId: string, rows: number, now: number) {
  const user = await findUser(tx, userId)
  if (!user || user.role !== 'secretary') throw new HttpError(404, 'NOT_FOUND', '没有这个书记')
  const year = chinaYear(now)
  const [from, to] = chinaYearRange(year)
  const missing = rows - (await recordCount(tx, userId, from, to))
  // Spread over the year so far, each two hours long and over by now.
  const span = Math.max(HOUR, Math.min(now, to) - 2 * HOUR - from)
  for (let i = 0; i < missing; i += 1) {
    const id = await nextId(tx, 'evt-bulk-')
    const type = TYPES[i % TYPES.length]
    const startAt = from + Math.floor(((i + 0.5) * span) / missing)
    const event: EventRecord = {
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
      checkinSecret: newCheckinSecret(),
    }
    await insertEvent(tx, event)
    await insertRegistration(tx, registration(id, userId, await nextSeq(tx), pastAttendance(i + 1), startAt, now))
  }
  return { userId, year, rows: await recordCount(tx, userId, from, to) }
}

/**
 * POST /__mock/bulk: `{eventId, registrations: N}` fills the event's 名单 to N rows (registered
 * synthetic secretaries u-bulk-1…, capacity raised to fit); `{attendanceFor, records: N}` fills that
 * secretary's 出勤记录 of this year to N rows with finished events. Rows already there count.
 */
export async function applyBulk(tx: Tx, body: unknown, now: number) {
  if (body && typeof body === 'object' && 'attendanceFor' in body) {
    const { attendanceFor, records } = parseOrThrow(attendanceFillSchema, body)
    return fillAttendance(tx, attendanceFor, records, now)
  }
  const { eventId, registrations } = parseOrThrow(rosterFillSchema, body)
  return fillRoster(tx, eventId, registrations, now)
}
