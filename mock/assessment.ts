import { assessmentParts, rankAssessment, ASSESSMENT_FORMULA } from '../src/api/contract/assessment'
import { completionOf, latestPercentOf } from '../src/api/contract/commitment'
import type { RankingRow } from '../src/api/contract/score'
import { chinaYearRange } from '../src/api/contract/time'
import type { EventRecord, RegistrationRecord, UserRecord } from './db'
import { effectiveAttendance, userView } from './domain'
import { commitmentsOfYear } from './repos/commitments'
import { listEvents } from './repos/events'
import { registrationsOfEvents, registrationsOfUser } from './repos/registrations'
import { reviewScoresOfYear } from './repos/reviews'
import type { Tx } from './repos/tx'
import { listUsers } from './repos/users'

type AttendanceCounts = { present: number; late: number; absent: number }

const noAttendance = (): AttendanceCounts => ({ present: 0, late: 0, absent: 0 })

/** The published events starting in a China-time year, as the attendance part counts them. */
async function publishedEventsOfYear(tx: Tx, year: number): Promise<EventRecord[]> {
  const [from, to] = chinaYearRange(year)
  return (await listEvents(tx, { from, to })).filter((e) => e.status === 'published')
}

/** Attendance counts of every secretary with a registration among the year's published events, by user id. */
function countAttendance(
  events: EventRecord[],
  regsByEvent: Map<string, RegistrationRecord[]>,
  now: number,
): Map<string, AttendanceCounts> {
  const byUser = new Map<string, AttendanceCounts>()
  for (const event of events) {
    const seen = new Set<string>()
    for (const r of regsByEvent.get(event.id) ?? []) {
      // One registration per event and user: the first one counts.
      if (seen.has(r.userId)) continue
      seen.add(r.userId)
      if (r.status !== 'registered') continue
      const attendance = effectiveAttendance(r, event, now)
      if (attendance !== 'present' && attendance !== 'late' && attendance !== 'absent') continue
      let counts = byUser.get(r.userId)
      if (!counts) byUser.set(r.userId, (counts = noAttendance()))
      counts[attendance] += 1
    }
  }
  return byUser
}

/**
 * A secretary's attendance counts of a year, as GET /me/attendance sums them: published events
 * starting in the year, registrations that hold a seat or are excused.
 */
export async function yearAttendanceCounts(tx: Tx, userId: string, year: number, now: number): Promise<AttendanceCounts> {
  const events = await publishedEventsOfYear(tx, year)
  const mine = await registrationsOfUser(tx, userId)
  const regsByEvent = new Map([...mine].map(([eventId, r]) => [eventId, [r]]))
  return countAttendance(events, regsByEvent, now).get(userId) ?? noAttendance()
}

/**
 * The year's ranking of every secretary with the formula of src/api/contract/assessment.ts. Reads
 * the year's sheets, scores, events and registrations once each, whatever the number of secretaries.
 */
export async function yearRanking(tx: Tx, year: number, now: number, viewer: UserRecord): Promise<RankingRow[]> {
  const secretaries = await listUsers(tx, { role: 'secretary' })
  const sheets = await commitmentsOfYear(tx, year)
  const scoresOf = new Map<string, number[]>()
  for (const s of await reviewScoresOfYear(tx, year)) {
    const list = scoresOf.get(s.userId)
    if (list) list.push(s.score)
    else scoresOf.set(s.userId, [s.score])
  }
  const events = await publishedEventsOfYear(tx, year)
  const attendanceOf = countAttendance(events, await registrationsOfEvents(tx, events.map((e) => e.id)), now)
  const inputs = secretaries.map((user) => {
    const sheet = sheets.get(user.id)
    const parts = assessmentParts({
      sheet: sheet && {
        status: sheet.status,
        completion: completionOf(sheet.items.map((item) => ({ latestPercent: latestPercentOf(item.progress) }))),
      },
      quarterScores: scoresOf.get(user.id) ?? [],
      attendance: attendanceOf.get(user.id) ?? noAttendance(),
    })
    return { user: userView(user, viewer), ...parts }
  })
  return rankAssessment(inputs, ASSESSMENT_FORMULA)
}
