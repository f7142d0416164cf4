import { attendanceQuerySchema, attendanceRate, myAttendanceSchema, type AttendanceRecord } from '../../src/api/contract/attendance'
import { toChinaIso } from '../../src/api/contract/time'
import { chinaYear, chinaYearRange } from '../china-time'
import { effectiveAttendance, eventView, findRegistration } from '../domain'
import { parseOrThrow } from '../http'
import type { Route } from '../router'

/** A secretary's attendance record (出勤记录) for a year. */
export const attendanceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/me/attendance',
    access: ['secretary'],
    doc: { summary: 'My attendance for a year (default: this year, China time): summary and records', query: attendanceQuerySchema, response: myAttendanceSchema },
    handle({ db, clock, query, user }) {
      const now = clock.now()
      const { year = chinaYear(now) } = parseOrThrow(attendanceQuerySchema, query)
      const [from, to] = chinaYearRange(year)
      const summary = { registered: 0, present: 0, late: 0, leave: 0, absent: 0, credits: 0 }
      const records: (AttendanceRecord & { startAt: number })[] = []
      // A cancelled event took place for nobody: it is neither attended nor missed.
      for (const event of db.state.events) {
        if (event.status !== 'published' || event.startAt < from || event.startAt >= to) continue
        const r = findRegistration(db, event.id, user.id)
        if (!r || r.status !== 'registered') continue
        const attendance = effectiveAttendance(r, event, now)
        const credits = attendance === 'present' || attendance === 'late' ? event.credits : 0
        summary.registered += 1
        if (attendance !== 'pending') summary[attendance] += 1
        summary.credits += credits
        records.push({
          event: eventView(db, event, user, now),
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
