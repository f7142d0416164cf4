import type { User } from './auth'
import { attendanceRate } from './attendance'
import type { AssessmentFormula, AssessmentParts, RankingRow } from './score'

/**
 * The year-end assessment (年末考核评议) in one place, used by the mock to rank and by the client to
 * explain: total = commitment completion × 40% + mean quarterly score × 40% + attendance rate × 100 × 20%;
 * the last 3 of the ranking are flagged for 审计 + 巡察.
 */
export const ASSESSMENT_FORMULA: AssessmentFormula = {
  weights: { commitment: 0.4, quarterly: 0.4, attendance: 0.2 },
  bottomFlagged: 3,
}

/** The tie rule of the ranking, in the words the client shows. */
export const ASSESSMENT_TIE_RULE = '总分相同时，承诺完成度高者在前；仍相同时按账号编号排序'

/** What the bottom flag means, in the words the client shows. */
export const ASSESSMENT_FLAG_MEANING = '排名最后的书记所在村将接受审计和巡察，帮助查找问题、改进工作'

/** One secretary's raw parts; `null` (no data) counts 0. */
export type AssessmentInput = {
  user: User
  commitment: number | null
  quarterly: number | null
  attendance: number | null
}

/** Rounds to one decimal, the precision every score is shown with. */
export function roundScore(value: number): number {
  return Math.round(value * 10) / 10
}

/** A part as ranked: 0 when absent or not a number, clamped to 0–100, one decimal. */
function part(value: number | null): number {
  if (value === null || !Number.isFinite(value)) return 0
  return roundScore(Math.min(100, Math.max(0, value)))
}

/** The weighted total of three parts (0–100, one decimal). */
export function assessmentTotal(parts: AssessmentParts, formula: AssessmentFormula = ASSESSMENT_FORMULA): number {
  const { weights } = formula
  const sum = parts.commitment * weights.commitment + parts.quarterly * weights.quarterly + parts.attendance * weights.attendance
  return Math.min(100, Math.max(0, roundScore(sum)))
}

/** Orders two rows: total desc, then commitment desc, then user id asc (code-unit order, locale-free). */
function compareRows(a: Omit<RankingRow, 'rank' | 'flagged'>, b: Omit<RankingRow, 'rank' | 'flagged'>): number {
  if (a.total !== b.total) return b.total - a.total
  if (a.commitment !== b.commitment) return b.commitment - a.commitment
  return a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0
}

/**
 * Ranks secretaries: parts 0–100 (one decimal, no data → 0), total = weighted sum, ordered by
 * total desc, commitment desc, user id asc; rank = position 1..N; the last min(bottomFlagged, N) flagged.
 */
export function rankAssessment(inputs: readonly AssessmentInput[], formula: AssessmentFormula = ASSESSMENT_FORMULA): RankingRow[] {
  const rows = inputs.map((input) => {
    const parts = { commitment: part(input.commitment), quarterly: part(input.quarterly), attendance: part(input.attendance) }
    return { user: input.user, ...parts, total: assessmentTotal(parts, formula) }
  })
  rows.sort(compareRows)
  const flaggedFrom = rows.length - Math.min(formula.bottomFlagged, rows.length)
  return rows.map((row, i) => ({ rank: i + 1, ...row, flagged: i >= flaggedFrom }))
}

const percent = (weight: number) => `${roundScore(weight * 100)}%`

/** The formula as one plain Chinese sentence, e.g. "总分 = 承诺完成度 × 40% + 季度评分平均 × 40% + 出勤率 × 20%；排名最后 3 名列入审计和巡察". */
export function formulaInWords(formula: AssessmentFormula = ASSESSMENT_FORMULA): string {
  const { weights } = formula
  return (
    `总分 = 承诺完成度 × ${percent(weights.commitment)} + 季度评分平均 × ${percent(weights.quarterly)} + 出勤率 × ${percent(weights.attendance)}` +
    `；排名最后 ${formula.bottomFlagged} 名列入审计和巡察`
  )
}

/** What a secretary's parts are computed from. */
export type AssessmentData = {
  /** The year's sheet, if any: only an approved sheet counts (its completion); any other counts 0. */
  sheet?: { status: string; completion: number }
  /** The quarterly 拉练 scores entered for the year (0–4 of them). */
  quarterScores: readonly number[]
  /** The year's attendance counts (as GET /me/attendance sums them). */
  attendance: { present: number; late: number; absent: number }
}

/**
 * A secretary's raw parts: commitment = completion of the year's approved sheet (a sheet that is not
 * approved, or none, counts 0); quarterly = mean of the quarters scored (0 if none);
 * attendance = 出勤率 × 100 (0 when nothing counts yet).
 */
export function assessmentParts(data: AssessmentData): AssessmentParts {
  const commitment = data.sheet?.status === 'approved' ? data.sheet.completion : 0
  const scores = data.quarterScores
  const quarterly = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : 0
  const rate = attendanceRate(data.attendance)
  return { commitment: part(commitment), quarterly: part(quarterly), attendance: part(rate === null ? null : rate * 100) }
}
