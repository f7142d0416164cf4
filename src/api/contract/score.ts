import { z } from 'zod/mini'
import { userSchema } from './auth'
import { isoDateTime, pageOf, pageQueryShape, text } from './common'

/** Body of `PUT /reviews/:year/:quarter/:userId`: a 0–100 季度拉练评比 score and an optional comment. */
export const reviewScoreBodySchema = z.strictObject({
  score: z
    .number({ error: '分数应为 0–100 的数字' })
    .check(
      z.gte(0, { error: '分数应在 0–100 之间' }),
      z.lte(100, { error: '分数应在 0–100 之间' }),
      z.multipleOf(0.5, { error: '分数以 0.5 为单位' }),
    ),
  comment: z.optional(text(0, 500, { multiline: true })),
})
export type ReviewScoreBody = z.input<typeof reviewScoreBodySchema>

/** One stored quarterly score (answer of the PUT). */
export const reviewScoreSchema = z.object({
  year: z.number().check(z.int()),
  quarter: z.number().check(z.int(), z.gte(1), z.lte(4)),
  userId: z.string(),
  score: z.number().check(z.gte(0), z.lte(100)),
  comment: z.optional(z.string()),
  updatedAt: isoDateTime,
})
export type ReviewScore = z.infer<typeof reviewScoreSchema>

/**
 * Extension: a row of `GET /reviews/:year/:quarter?town=` — each secretary of the town with the
 * score entered so far (`null` before one is entered), for the 季度评分 screen.
 */
export const quarterScoreRowSchema = z.object({
  user: userSchema,
  score: z.nullable(z.number().check(z.gte(0), z.lte(100))),
  comment: z.optional(z.string()),
  updatedAt: z.optional(isoDateTime),
})
export type QuarterScoreRow = z.infer<typeof quarterScoreRowSchema>
export const quarterScorePageSchema = pageOf(quarterScoreRowSchema)

/** Query of the extension `GET /reviews/:year/:quarter`. */
export const quarterScoreQuerySchema = z.strictObject({ town: z.optional(text(1, 20)), ...pageQueryShape })

/** The three parts of the year-end score, each 0–100. */
export const assessmentPartsSchema = z.object({
  commitment: z.number().check(z.gte(0), z.lte(100)),
  quarterly: z.number().check(z.gte(0), z.lte(100)),
  attendance: z.number().check(z.gte(0), z.lte(100)),
})
export type AssessmentParts = z.infer<typeof assessmentPartsSchema>

/** A secretary's year-end result as `GET /me/scores` gives it. */
export const myAssessmentSchema = z.object({
  total: z.number().check(z.gte(0), z.lte(100)),
  rank: z.number().check(z.int(), z.gte(1)),
  of: z.number().check(z.int(), z.gte(1)),
  parts: assessmentPartsSchema,
  flagged: z.boolean(),
})
export type MyAssessment = z.infer<typeof myAssessmentSchema>

/** Answer of `GET /me/scores?year=`: the quarters scored so far, and the assessment once the year is over. */
export const myScoresSchema = z.object({
  quarters: z.array(
    z.object({ quarter: z.number().check(z.int(), z.gte(1), z.lte(4)), score: z.number().check(z.gte(0), z.lte(100)), comment: z.optional(z.string()) }),
  ),
  assessment: z.nullable(myAssessmentSchema),
  /** v1.1: every change of my quarterly scores of the year, newest first (`from` null for the first). */
  history: z.optional(z.array(
    z.object({
      at: isoDateTime,
      by: z.object({ name: z.string() }),
      quarter: z.number().check(z.int(), z.gte(1), z.lte(4)),
      from: z.nullable(z.number()),
      to: z.number(),
    }),
  )),
})
export type MyScores = z.infer<typeof myScoresSchema>

/** The formula of the year-end assessment: weights (sum 1) and how many bottom rows are flagged. */
export const assessmentFormulaSchema = z.object({
  weights: z.object({ commitment: z.number(), quarterly: z.number(), attendance: z.number() }),
  bottomFlagged: z.number().check(z.int(), z.gte(1)),
})
export type AssessmentFormula = z.infer<typeof assessmentFormulaSchema>

/** One row of the ranking. */
export const rankingRowSchema = z.object({
  rank: z.number().check(z.int(), z.gte(1)),
  user: userSchema,
  commitment: z.number().check(z.gte(0), z.lte(100)),
  quarterly: z.number().check(z.gte(0), z.lte(100)),
  attendance: z.number().check(z.gte(0), z.lte(100)),
  total: z.number().check(z.gte(0), z.lte(100)),
  flagged: z.boolean(),
})
export type RankingRow = z.infer<typeof rankingRowSchema>

/** Answer of `GET /assessments/:year`. */
export const assessmentSchema = z.object({
  formula: assessmentFormulaSchema,
  ranking: z.array(rankingRowSchema),
  /** Extension: false while the year is still running (the ranking is provisional). */
  final: z.boolean(),
})
export type Assessment = z.infer<typeof assessmentSchema>

/** Query of `GET /me/scores`; year defaults to the current year in China time. */
export const myScoresQuerySchema = z.strictObject({
  year: z.optional(z.pipe(z.string().check(z.regex(/^\d{4}$/, { error: '年份应为 4 位数字' })), z.transform(Number))),
})
