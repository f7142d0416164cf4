import { recommendationsSchema } from '../../src/api/contract/recommendations'
import { pageQueryShape } from '../../src/api/contract/common'
import type { ExamModule } from '../../src/api/contract/exam-module'
import { z } from 'zod/mini'
import { canSeeWith, eventViews } from '../domain'
import { parseOrThrow } from '../http'
import { paginate } from '../paging'
import { listEvents } from '../repos/events'
import { attemptsOf, findExam, type AttemptRecord } from '../repos/exams'
import { registrationsOfUserAmong } from '../repos/registrations'
import type { Route } from '../router'

// GET /me/recommendations (API.md v1.1 选拔任用): after a qualification attempt, the modules scored
// under 60 % of their points point to the upcoming 强村讲堂 on those topics.

/** A module is weak under this share of its points. */
export const WEAK_SHARE = 0.6

const querySchema = z.strictObject({ ...pageQueryShape })

/** The caller's latest finished attempt at a qualification exam (by when it started), if any. */
async function latestQualification(tx: Parameters<Route['handle']>[0]['tx'], userId: string): Promise<AttemptRecord | undefined> {
  const finished = (await attemptsOf(tx, { userId })).filter((a) => a.status !== 'in_progress' && a.moduleScores)
  const purposes = new Map<string, string>()
  let latest: AttemptRecord | undefined
  for (const a of finished) {
    if (!purposes.has(a.examId)) purposes.set(a.examId, (await findExam(tx, a.examId))?.purpose ?? '')
    if (purposes.get(a.examId) === 'qualification' && (!latest || a.startedAt >= latest.startedAt)) latest = a
  }
  return latest
}

export const recommendationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/me/recommendations',
    access: 'any',
    doc: {
      summary: "Upcoming visible lectures on the modules of the caller's latest qualification attempt that scored under 60 % (modules: those weak modules)",
      query: querySchema,
      response: recommendationsSchema,
    },
    async handle({ tx, clock, query, user }) {
      const { page, pageSize } = parseOrThrow(querySchema, query)
      const now = clock.now()
      // Expired attempts count once they are scored, which the exam routes do on their next read.
      // attemptsOf is in creation order, so of two starts in one instant the later wins.
    const latest = user.role === 'secretary' ? await latestQualification(tx, user.id) : undefined
      const modules: ExamModule[] = (latest?.moduleScores ?? []).filter((m) => m.max > 0 && m.score < m.max * WEAK_SHARE).map((m) => m.module)
      if (modules.length === 0) return { status: 200, body: { modules, ...paginate([], page, pageSize, (e) => e) } }
      const upcoming = (await listEvents(tx)).filter((e) => e.type === 'lecture' && e.status === 'published' && e.startAt > now && e.topics?.some((t) => modules.includes(t)))
      const mine = await registrationsOfUserAmong(tx, user.id, upcoming.map((e) => e.id))
      const visible = upcoming.filter((e) => canSeeWith(e, user, mine.get(e.id))).sort((a, b) => a.startAt - b.startAt)
      const one = paginate(visible, page, pageSize, (e) => e)
      return { status: 200, body: { modules, ...one, items: await eventViews(tx, one.items, user, now, mine) } }
    },
  },
]
