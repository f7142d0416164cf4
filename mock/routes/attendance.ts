import { attendanceQuerySchema, attendanceRate, myAttendanceSchema, type AttendanceRecord } from '../../src/api/contract/attendance'
import { toChinaIso, chinaYear, chinaYearRange } from '../../src/api/contract/time'
import type { EventRecord, RegistrationRecord } from '../db'
import { effectiveAttendance, eventViews } from '../domain'
import { parseOrThrow } from '../http'
import { listEvents } from '../repos/events'
import { registrationsOfUser } from '../repos/registrations'
import type { Route } from '../router'

/** A secretary's attendance record (出勤记录) for a year. */
export const attendanceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/me/attendance',
    access: ['secretary'],
    doc: { summary: 'My attendance for a year (default: this year, China time): summary and records', query: attendanceQuerySchema, response: myAttendanceSchema },
    async handle({ tx, clock, query, user }) {
      const now = clock.now()
      const { year = chinaYear(now) } = parseOrThrow(attendanceQuerySchema, query)
      const [from, to] = chinaYearRange(year)
      const summary = { registered: 0, present: 0, late: 0, leave: 0, absent: 0, credits: 0 }
      const records: (AttendanceRecord & { startAt: number })[] = []
      const mine = await registrationsOfUser(tx, user.id)
      const joined: { event: EventRecord; r: RegistrationRecord }[] = []
      // A cancelled event took place for nobody: it is neither attended nor missed.
      for (const event of await listEvents(tx, { from, to })) {
        if (event.status !== 'published') continue
        const r = mine.get(event.id)
        if (!r || r.status !== 'registered') continue
        joined.push({ event, r })
      }
      const views = await eventViews(tx, joined.map((j) => j.event), user, now)
      for (const [i, { event, r }] of joined.entries()) {
        const attendance = effectiveAttendance(r, event, now)
        const credits = attendance === 'present' || attendance === 'late' ? event.credits : 0
        summary.registered += 1
        if (attendance !== 'pending') summary[attendance] += 1
        summary.credits += credits
        records.push({
          event: views[i],
          attendance,
          ...(r.checkedInAt !== undefined ? { checkedInAt: toChinaIso(r.checkedInAt) } : {}),
          credits,
          startAt: event.startAt,
        })
      }
      records.sort((a, b) => b.startAt - a.startAt || a.event.id.localeCompare(b.event.id))
      return {
        status: 200,
        body: {
          summary: { ...summary, rate: attendanceRate(summary) },
          records: records.map(({ startAt: _startAt, ...record }) => record),
        },
      }
    },
  },
]
