import { assessmentParts, rankAssessment, ASSESSMENT_FORMULA } from '../src/api/contract/assessment'
import { completionOf, latestPercentOf } from '../src/api/contract/commitment'
import type { RankingRow } from '../src/api/contract/score'
import { chinaYearRange } from './china-time'
import type { Db, UserRecord } from './db'
import { effectiveAttendance, userView } from './domain'

/**
 * A secretary's attendance counts of a year, as GET /me/attendance sums them: published events
 * starting in the year, registrations that hold a seat or are excused.
 */
export function yearAttendanceCounts(db: Db, userId: string, year: number, now: number): { present: number; late: number; absent: number } {
  const [from, to] = chinaYearRange(year)
  const counts = { present: 0, late: 0, absent: 0 }
  for (const event of db.state.events) {
    if (event.status !== 'published' || event.startAt < from || event.startAt >= to) continue
    const r = (db.state.registrations[event.id] ?? []).find((x) => x.userId === userId)
    if (!r || r.status !== 'registered') continue
    const attendance = effectiveAttendance(r, event, now)
    if (attendance === 'present' || attendance === 'late' || attendance === 'absent') counts[attendance] += 1
  }
  return counts
}

/** The year's ranking of every secretary with the formula of src/api/contract/assessment.ts. */
export function yearRanking(db: Db, year: number, now: number, viewer: UserRecord): RankingRow[] {
  const secretaries = db.state.users.filter((u) => u.role === 'secretary')
  const inputs = secretaries.map((user) => {
    const sheet = db.state.commitments.find((c) => c.ownerId === user.id && c.year === year)
    const parts = assessmentParts({
      sheet: sheet && {
        status: sheet.status,
        completion: completionOf(sheet.items.map((item) => ({ latestPercent: latestPercentOf(item.progress) }))),
      },
      quarterScores: db.state.reviewScores.filter((s) => s.userId === user.id && s.year === year).map((s) => s.score),
      attendance: yearAttendanceCounts(db, user.id, year, now),
    })
    return { user: userView(user, viewer), ...parts }
  })
  return rankAssessment(inputs, ASSESSMENT_FORMULA)
}
