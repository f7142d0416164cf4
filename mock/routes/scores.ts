import { ASSESSMENT_FORMULA } from '../../src/api/contract/assessment'
import {
  assessmentSchema,
  myScoresQuerySchema,
  myScoresSchema,
  quarterScorePageSchema,
  quarterScoreQuerySchema,
  reviewScoreBodySchema,
  reviewScoreSchema,
  type ReviewScore,
} from '../../src/api/contract/score'
import { toChinaIso, chinaYear, quarterStarted, yearOver } from '../../src/api/contract/time'
import { yearRanking } from '../assessment'
import type { ReviewScoreRecord } from '../db'
import { userView } from '../domain'
import { HttpError, parseOrThrow } from '../http'
import { paginate } from '../paging'
import { quarterParamSchema, yearParamSchema } from '../params'
import { insertReviewScore, lockReviewScore, quarterScoresOf, reviewScoresOfUser, updateReviewScore } from '../repos/reviews'
import { findUser, listUsers, usersById } from '../repos/users'
import type { Route } from '../router'
import { appendAudit, listAudit } from '../audit'
import { personInScope, scopeTowns } from '../scope'

const scoreView = (s: ReviewScoreRecord): ReviewScore => ({
  year: s.year,
  quarter: s.quarter,
  userId: s.userId,
  score: s.score,
  ...(s.comment ? { comment: s.comment } : {}),
  updatedAt: toChinaIso(s.updatedAt),
})

/** 季度拉练评比 scores and the year-end assessment (年末考核评议). */
export const scoreRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/reviews/:year/:quarter/:userId',
    access: ['organiser'],
    idempotent: true,
    doc: {
      summary: "Enter (or replace) a secretary's quarterly review score, 0–100 in steps of 0.5; not for a quarter that has not begun",
      body: reviewScoreBodySchema,
      response: reviewScoreSchema,
    },
    async handle({ tx, clock, params, body, user }) {
      const { year } = parseOrThrow(yearParamSchema, { year: params.year })
      const { quarter } = parseOrThrow(quarterParamSchema, { quarter: params.quarter })
      const { score, comment } = parseOrThrow(reviewScoreBodySchema, body)
      const found = await findUser(tx, params.userId)
      // Outside the organiser's towns a secretary does not exist for them (API.md v1.1: others 404).
      const secretary = found?.role === 'secretary' && personInScope(user, found) ? found : undefined
      if (!secretary) throw new HttpError(404, 'NOT_FOUND', '没有找到这位村书记')
      const now = clock.now()
      if (!quarterStarted(year, quarter, now)) {
        throw new HttpError(409, 'QUARTER_NOT_STARTED', `${year} 年第 ${quarter} 季度还没有开始，不能提前评分`)
      }
      // Locked: one score per year, quarter and secretary, also when two organisers enter it at once.
      const existing = await lockReviewScore(tx, year, quarter, secretary.id)
      const before = existing ? { score: existing.score, ...(existing.comment ? { comment: existing.comment } : {}) } : undefined
      const record: ReviewScoreRecord = existing ?? { year, quarter, userId: secretary.id, score, by: user.id, updatedAt: now }
      record.score = score
      if (comment) record.comment = comment
      else delete record.comment
      record.by = user.id
      record.updatedAt = now
      if (existing) await updateReviewScore(tx, record)
      else await insertReviewScore(tx, record)
      const after = { score: record.score, ...(record.comment ? { comment: record.comment } : {}) }
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await appendAudit(tx, { by: user.id, at: now, action: 'set', entity: 'reviews', entityId: `${year}/${quarter}/${secretary.id}`, before, after })
      }
      return { status: 200, body: scoreView(record) }
    },
  },
  {
    method: 'GET',
    path: '/reviews/:year/:quarter',
    access: ['organiser'],
    doc: {
      summary: "Extension: a town's secretaries (all when no town) with the quarter's score so far (null before one is entered), by account id",
      query: quarterScoreQuerySchema,
      response: quarterScorePageSchema,
    },
    async handle({ tx, params, query, user }) {
      const { year } = parseOrThrow(yearParamSchema, { year: params.year })
      const { quarter } = parseOrThrow(quarterParamSchema, { quarter: params.quarter })
      const { town, page, pageSize } = parseOrThrow(quarterScoreQuerySchema, query)
      const people = await listUsers(tx, { role: 'secretary', towns: scopeTowns(user, town) })
      people.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      const one = paginate(people, page, pageSize, (person) => person)
      const scores = await quarterScoresOf(tx, year, quarter, one.items.map((p) => p.id))
      return {
        status: 200,
        body: {
          ...one,
          items: one.items.map((person) => {
            const s = scores.get(person.id)
            return {
              user: userView(person, user),
              score: s ? s.score : null,
              ...(s?.comment ? { comment: s.comment } : {}),
              ...(s ? { updatedAt: toChinaIso(s.updatedAt) } : {}),
            }
          }),
        },
      }
    },
  },
  {
    method: 'GET',
    path: '/me/scores',
    access: ['secretary'],
    doc: {
      summary: 'My quarterly scores of a year (default: this year, China time) and, once the year is over, my assessment',
      query: myScoresQuerySchema,
      response: myScoresSchema,
    },
    async handle({ tx, clock, query, user }) {
      const now = clock.now()
      const { year: asked } = parseOrThrow(myScoresQuerySchema, query)
      const year = asked === undefined ? chinaYear(now) : parseOrThrow(yearParamSchema, { year: String(asked) }).year
      const quarters = (await reviewScoresOfUser(tx, user.id, year))
        .sort((a, b) => a.quarter - b.quarter)
        .map((s) => ({ quarter: s.quarter, score: s.score, ...(s.comment ? { comment: s.comment } : {}) }))
      let assessment = null
      if (yearOver(year, now)) {
        const ranking = await yearRanking(tx, year, now, user)
        const mine = ranking.find((r) => r.user.id === user.id)!
        assessment = {
          total: mine.total,
          rank: mine.rank,
          of: ranking.length,
          parts: { commitment: mine.commitment, quarterly: mine.quarterly, attendance: mine.attendance },
          flagged: mine.flagged,
        }
      }
      // API.md v1.1: the secretary sees who changed their scores, by name, newest first.
      const changes = (await listAudit(tx, { entity: 'reviews', entityIdPrefix: `${year}/` })).filter((e) => e.entityId.endsWith(`/${user.id}`))
      const authors = await usersById(tx, [...new Set(changes.map((e) => e.by))])
      const history = changes.map((e) => ({
        at: toChinaIso(e.at),
        by: { name: authors.get(e.by)?.name ?? '组织部门' },
        quarter: Number(e.entityId.split('/')[1]),
        from: (e.before as { score?: number } | undefined)?.score ?? null,
        to: (e.after as { score: number }).score,
      }))
      return { status: 200, body: { quarters, assessment, history } }
    },
  },
  {
    method: 'GET',
    path: '/assessments/:year',
    access: ['organiser'],
    doc: {
      summary: 'The year-end ranking of every secretary with its parts and the formula; final is false while the year runs',
      response: assessmentSchema,
    },
    async handle({ tx, clock, params, user }) {
      const { year } = parseOrThrow(yearParamSchema, { year: params.year })
      const now = clock.now()
      const inScope = new Set((await listUsers(tx, { role: 'secretary', towns: scopeTowns(user) })).map((u) => u.id))
      return {
        status: 200,
        body: {
          formula: ASSESSMENT_FORMULA,
          // Ranks are the city's; a town organiser gets only their towns' rows, with their city-wide rank.
          ranking: (await yearRanking(tx, year, now, user)).filter((row) => inScope.has(row.user.id)),
          final: yearOver(year, now),
        },
      }
    },
  },
]
