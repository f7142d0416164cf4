import type { RosterRow } from '../../src/api/contract/event'
import {
  attendanceOverrideBodySchema,
  rosterPageSchema,
  rosterQuerySchema,
  rosterRowSchema,
  type Attendance,
  type RegistrationStatus,
} from '../../src/api/contract/event'
import { toChinaIso, chinaDateTime } from '../../src/api/contract/time'
import { csvDownloadHeaders, toCsv } from '../csv'
import type { EventRecord, RegistrationRecord, UserRecord } from '../db'
import {
  effectiveAttendance,
  eventCancelled,
  findRegistration,
  organiserEvent,
  positionsAmong,
  promoteFromWaitlist,
  registeredCount,
  registrationsOf,
  seatsMove,
  userView,
} from '../domain'
import { HttpError, parseOrThrow } from '../http'
import { rosterPage, updateRegistration } from '../repos/registrations'
import type { Tx } from '../repos/tx'
import { usersById } from '../repos/users'
import type { Route } from '../router'
import { appendAudit } from '../audit'

const STATUS_RANK: Record<RegistrationStatus, number> = { registered: 0, waitlisted: 1, cancelled: 2 }

/** Everything needed to show many registrations of one event, computed once per request (O(n)). */
type RosterScope = {
  event: EventRecord
  now: number
  viewer: UserRecord
  /** The registrations of the event, in creation order. */
  regs: RegistrationRecord[]
  /** The people of those registrations and of their audit trails. */
  users: Map<string, UserRecord>
  positions: Map<string, number>
}

// The event's registrations (or just `only`, when showing those alone) and, in one batch, the people
// they and their audit entries name.
async function rosterScope(tx: Tx, event: EventRecord, viewer: UserRecord, now: number, only?: RegistrationRecord[]): Promise<RosterScope> {
  const regs = only ?? (await registrationsOf(tx, event.id))
  const ids = new Set<string>()
  for (const r of regs) {
    ids.add(r.userId)
    for (const entry of r.audit) ids.add(entry.by)
  }
  return { event, now, viewer, regs, users: await usersById(tx, ids), positions: positionsAmong(regs) }
}

/** The registrations of an event in roster order: registered by sign-up, then the waitlist in line, then cancelled. */
function rosterOrder(scope: RosterScope): RegistrationRecord[] {
  return scope.regs
    .filter((r) => scope.users.has(r.userId))
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.seq - b.seq)
}

/** A roster row as organisers see it, audit entries with the organiser's name. */
function rosterRow(r: RegistrationRecord, scope: RosterScope): RosterRow {
  const row: RosterRow = {
    user: userView(scope.users.get(r.userId)!, scope.viewer),
    status: r.status,
    attendance: effectiveAttendance(r, scope.event, scope.now),
    audit: r.audit.map((entry) => {
      const byName = scope.users.get(entry.by)?.name
      return {
        by: entry.by,
        ...(byName ? { byName } : {}),
        at: toChinaIso(entry.at),
        from: entry.from,
        to: entry.to,
        ...(entry.note ? { note: entry.note } : {}),
      }
    }),
  }
  const position = r.status === 'waitlisted' ? scope.positions.get(r.userId) : undefined
  if (position !== undefined) row.waitlistPosition = position
  if (r.checkedInAt !== undefined) row.checkedInAt = toChinaIso(r.checkedInAt)
  if (r.contestItems) row.contestItems = [...r.contestItems]
  if (r.leaveReason) row.leaveReason = r.leaveReason
  return row
}

const STATUS_LABELS: Record<RegistrationStatus, string> = { registered: '已报名', waitlisted: '候补', cancelled: '已取消' }
const ATTENDANCE_LABELS: Record<Attendance, string> = {
  pending: '待签到',
  present: '出席',
  late: '迟到',
  leave: '请假',
  absent: '缺勤',
}
const CSV_HEADER = ['姓名', '手机号', '镇（街道）', '村（社区）', '报名状态', '候补位次', '出勤', '签到时间', '比赛项目', '请假原因', '备注']

function csvRow(r: RegistrationRecord, scope: RosterScope): string[] {
  const user = scope.users.get(r.userId)!
  const waiting = r.status === 'waitlisted'
  return [
    user.name,
    user.phone,
    user.town,
    user.village ?? '',
    STATUS_LABELS[r.status],
    waiting ? String(scope.positions.get(r.userId) ?? '') : '',
    // Someone waiting has no seat, so no attendance to report.
    waiting ? '' : ATTENDANCE_LABELS[effectiveAttendance(r, scope.event, scope.now)],
    r.checkedInAt !== undefined ? chinaDateTime(r.checkedInAt) : '',
    (r.contestItems ?? []).join('、'),
    r.leaveReason ?? '',
    r.audit.at(-1)?.note ?? '',
  ]
}

// RFC 5987 encoding for filename*: encodeURIComponent leaves ' ( ) * unescaped.

/** Organisers' roster of an event: the page, the CSV export and the attendance override. */
export const rosterRoutes: Route[] = [
  {
    method: 'GET',
    path: '/events/:id/registrations',
    access: ['organiser'],
    doc: { summary: 'Roster of an event (registered, waitlisted, cancelled) with attendance and audit', query: rosterQuerySchema, response: rosterPageSchema },
    async handle({ tx, clock, params, query, user }) {
      const { status, attendance, page, pageSize } = parseOrThrow(rosterQuerySchema, query)
      const event = await organiserEvent(tx, params.id, { manager: user })
      const now = clock.now()
      const found = await rosterPage(tx, event, { status, attendance, now, page, pageSize })
      const records = found.rows.map((row) => row.record)
      const scope = await rosterScope(tx, event, user, now, records)
      scope.positions = new Map(found.rows.flatMap((row) => (row.place === undefined ? [] : [[row.record.userId, row.place]])))
      return { status: 200, body: { items: records.map((r) => rosterRow(r, scope)), total: found.total, page, pageSize } }
    },
  },
  {
    method: 'GET',
    path: '/events/:id/registrations.csv',
    access: ['organiser'],
    doc: { summary: 'Roster as CSV (UTF-8 with BOM, Chinese header, RFC 4180): everyone not cancelled', produces: 'text/csv' },
    async handle({ tx, clock, params, user }) {
      const event = await organiserEvent(tx, params.id, { manager: user })
      const scope = await rosterScope(tx, event, user, clock.now())
      const rows = rosterOrder(scope)
        .filter((r) => r.status !== 'cancelled')
        .map((r) => csvRow(r, scope))
      const filename = `${event.title}-报名名单.csv`
      return {
        status: 200,
        body: toCsv([CSV_HEADER, ...rows]),
        headers: csvDownloadHeaders(`registrations-${event.id}.csv`, filename),
      }
    },
  },
  {
    method: 'PUT',
    path: '/events/:id/attendance/:userId',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Override the attendance of a registered person, kept in the audit trail', body: attendanceOverrideBodySchema, response: rosterRowSchema },
    async handle({ tx, clock, params, body, user }) {
      const { attendance: to, note } = parseOrThrow(attendanceOverrideBodySchema, body)
      // Locked: taking leave back needs a free seat, and going on leave gives the seat to the waitlist.
      const event = await organiserEvent(tx, params.id, { lock: true, manager: user })
      const record = await findRegistration(tx, event.id, params.userId)
      if (!record) throw new HttpError(404, 'NOT_FOUND', '这个人没有报名这个活动')
      if (event.status === 'cancelled') throw eventCancelled()
      if (record.status !== 'registered') {
        throw new HttpError(409, 'NOT_REGISTERED', '只有已报名的人有出勤记录（候补和已取消的没有）')
      }
      const now = clock.now()
      const from = effectiveAttendance(record, event, now)
      const movesSeats = seatsMove(event, now)
      if (from === 'leave' && to !== 'leave' && movesSeats && (await registeredCount(tx, event.id)) >= event.capacity) {
        throw new HttpError(409, 'CAPACITY_BELOW_REGISTERED', '名额已满，这个人的座位已给了候补：请先增加名额，再取消请假')
      }
      if (to !== from || note) {
        record.audit = [...record.audit, { by: user.id, at: now, from, to, ...(note ? { note } : {}) }]
        await appendAudit(tx, {
          by: user.id,
          at: now,
          action: 'set',
          entity: 'attendance',
          entityId: `${event.id}/${record.userId}`,
          before: { attendance: from },
          after: { attendance: to, ...(note ? { note } : {}) },
        })
      }
      record.attendance = to
      if (to !== 'leave') delete record.leaveReason
      else if (from !== 'leave' && note) record.leaveReason = note
      await updateRegistration(tx, record)
      if (from !== 'leave' && to === 'leave' && movesSeats) await promoteFromWaitlist(tx, event, now)
      // A registered row needs no waitlist places: its own person and audit names suffice.
      const scope = await rosterScope(tx, event, user, now, [record])
      return { status: 200, body: rosterRow(record, scope) }
    },
  },
]
