import { z } from 'zod/mini'
import { isoDateTime, pageOf, pageQueryShape, text } from './common'

// 选拔任用 (API.md v1.1): the question bank, exams by blueprint, and attempts with a server-held clock.

import { examModuleSchema } from './exam-module'
export { EXAM_MODULES, examModuleSchema, type ExamModule } from './exam-module'

export const QUESTION_KINDS = ['single', 'multiple', 'judge'] as const
export const questionKindSchema = z.enum(QUESTION_KINDS, { error: '题型应为单选、多选或判断' })
export type QuestionKind = z.infer<typeof questionKindSchema>
export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = { single: '单选', multiple: '多选', judge: '判断' }

const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const
const optionKeySchema = z.enum(OPTION_KEYS, { error: '选项应为 A–F' })
const optionSchema = z.object({ key: z.enum(OPTION_KEYS), text: z.string() })

/** `Question` with its answer, as city organisers see it. */
export const questionSchema = z.object({
  id: z.string(),
  module: examModuleSchema,
  kind: questionKindSchema,
  stem: z.string(),
  options: z.array(optionSchema),
  answer: z.array(z.string()),
  explanation: z.optional(z.string()),
  difficulty: z.number().check(z.int(), z.gte(1), z.lte(3)),
})
export type Question = z.infer<typeof questionSchema>
export const questionPageSchema = pageOf(questionSchema)

/** Body of POST /questions and PUT /questions/:id (rules across fields in `questionRuleErrors`). */
export const questionBodySchema = z.strictObject({
  module: examModuleSchema,
  kind: questionKindSchema,
  stem: text(2, 500, { multiline: true }),
  options: z
    .array(z.strictObject({ key: optionKeySchema, text: text(1, 200) }))
    .check(z.minLength(2, { error: '至少 2 个选项' }), z.maxLength(6, { error: '最多 6 个选项' })),
  answer: z.array(optionKeySchema).check(z.minLength(1, { error: '请选择正确答案' }), z.maxLength(6)),
  explanation: z.optional(text(0, 500, { multiline: true })),
  difficulty: z.number({ error: '难度应为 1–3' }).check(z.int({ error: '难度应为 1–3' }), z.gte(1, { error: '难度应为 1–3' }), z.lte(3, { error: '难度应为 1–3' })),
})
export type QuestionBody = z.infer<typeof questionBodySchema>

/**
 * The rules of a question beyond its fields: options keyed A, B, C… in order; a judge question is
 * exactly A 正确 / B 错误; single and judge have one key, multiple two or more; every key an option.
 */
export function questionRuleErrors(q: Pick<QuestionBody, 'kind' | 'options' | 'answer'>): Record<string, string> {
  const errors: Record<string, string> = {}
  const keys = q.options.map((o) => o.key)
  if (keys.some((k, i) => k !== OPTION_KEYS[i])) errors.options = '选项应依次为 A、B、C……'
  if (q.kind === 'judge' && (q.options.length !== 2 || q.options[0].text !== '正确' || q.options[1].text !== '错误')) {
    errors.options = '判断题的选项应为 A 正确、B 错误'
  }
  if (new Set(q.answer).size !== q.answer.length) errors.answer = '答案有重复的选项'
  else if (q.answer.some((k) => !keys.includes(k))) errors.answer = '答案应是已有的选项'
  else if (q.kind !== 'multiple' && q.answer.length !== 1) errors.answer = q.kind === 'judge' ? '判断题只有一个答案' : '单选题只有一个答案'
  else if (q.kind === 'multiple' && q.answer.length < 2) errors.answer = '多选题至少两个正确选项'
  return errors
}

/** `GET /questions?module=&q=&page=&pageSize=`. */
export const questionQuerySchema = z.strictObject({ module: z.optional(examModuleSchema), q: z.optional(text(0, 30)), ...pageQueryShape })

export const examPurposeSchema = z.enum(['qualification', 'practice'], { error: '用途应为资格测试或练习' })
export type ExamPurpose = z.infer<typeof examPurposeSchema>

/** One line of a blueprint: `count` questions of a module and kind, `points` each. */
export const blueprintLineSchema = z.strictObject({
  module: examModuleSchema,
  kind: questionKindSchema,
  count: z.number().check(z.int({ error: '题数应为整数' }), z.gte(1, { error: '至少 1 题' }), z.lte(100, { error: '最多 100 题' })),
  points: z.number().check(z.gt(0, { error: '分值应大于 0' }), z.lte(100, { error: '分值最多 100' })),
})
export type BlueprintLine = z.infer<typeof blueprintLineSchema>

/** Σ count × points of a blueprint (to a hundredth, so 0.5-point questions add up exactly). */
export function blueprintTotal(lines: readonly Pick<BlueprintLine, 'count' | 'points'>[]): number {
  return Math.round(lines.reduce((sum, l) => sum + l.count * l.points, 0) * 100) / 100
}

/** `Exam` as API.md defines it, with the caller's attempts for secretaries. */
export const examSchema = z.object({
  id: z.string(),
  title: z.string(),
  purpose: examPurposeSchema,
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  durationMinutes: z.number(),
  passScore: z.number(),
  maxAttempts: z.nullable(z.number()),
  blueprint: z.array(blueprintLineSchema),
  audience: z.object({ towns: z.array(z.string()) }),
  status: z.enum(['draft', 'published']),
  /** Secretaries: how many attempts they made, and how many are left (null = unlimited). */
  myAttempts: z.optional(z.number()),
  attemptsLeft: z.optional(z.nullable(z.number())),
})
export type Exam = z.infer<typeof examSchema>
export const examPageSchema = pageOf(examSchema)

const examFields = {
  title: text(2, 60),
  purpose: examPurposeSchema,
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  durationMinutes: z.number().check(z.int({ error: '时长应为整数分钟' }), z.gte(5, { error: '时长 5–180 分钟' }), z.lte(180, { error: '时长 5–180 分钟' })),
  passScore: z.number().check(z.gte(0, { error: '及格分 0–100' }), z.lte(100, { error: '及格分 0–100' })),
  maxAttempts: z.nullable(z.number().check(z.int(), z.gte(1, { error: '次数 1–5' }), z.lte(5, { error: '次数 1–5' }))),
  blueprint: z.array(blueprintLineSchema).check(z.minLength(1, { error: '至少一行组卷规则' }), z.maxLength(12, { error: '最多 12 行组卷规则' })),
  audience: z.strictObject({ towns: z.array(text(2, 20)).check(z.maxLength(30)) }),
  status: z.enum(['draft', 'published'], { error: '状态应为草稿或发布' }),
}
export const createExamBodySchema = z.strictObject(examFields)
export type CreateExamBody = z.infer<typeof createExamBodySchema>
export const updateExamBodySchema = z.strictObject({
  title: z.optional(examFields.title),
  opensAt: z.optional(examFields.opensAt),
  closesAt: z.optional(examFields.closesAt),
  durationMinutes: z.optional(examFields.durationMinutes),
  passScore: z.optional(examFields.passScore),
  maxAttempts: z.optional(examFields.maxAttempts),
  blueprint: z.optional(examFields.blueprint),
  audience: z.optional(examFields.audience),
  status: z.optional(examFields.status),
})
export type UpdateExamBody = z.infer<typeof updateExamBodySchema>

/** Rules of an exam across fields: window order, Σ points = 100, purpose and attempts, no duplicate lines. */
export function examRuleErrors(e: Pick<CreateExamBody, 'purpose' | 'opensAt' | 'closesAt' | 'maxAttempts' | 'blueprint'>): Record<string, string> {
  const errors: Record<string, string> = {}
  if (Date.parse(e.closesAt) <= Date.parse(e.opensAt)) errors.closesAt = '结束时间应晚于开始时间'
  const total = blueprintTotal(e.blueprint)
  if (total !== 100) errors.blueprint = `各题分值合计应为 100 分（现在是 ${total} 分）`
  const lines = e.blueprint.map((l) => `${l.module}/${l.kind}`)
  if (new Set(lines).size !== lines.length) errors.blueprint = '同一模块和题型只能有一行'
  if (e.purpose === 'qualification' && e.maxAttempts === null) errors.maxAttempts = '资格测试应限定次数（1–5 次）'
  return errors
}

/** A question of a paper: no `answer` or `explanation` until they may be shown. */
export const paperQuestionSchema = z.object({
  id: z.string(),
  module: examModuleSchema,
  kind: questionKindSchema,
  stem: z.string(),
  options: z.array(optionSchema),
  points: z.number(),
  answer: z.optional(z.array(z.string())),
  explanation: z.optional(z.string()),
})
export type PaperQuestion = z.infer<typeof paperQuestionSchema>

export const attemptSchema = z.object({
  id: z.string(),
  examId: z.string(),
  startedAt: isoDateTime,
  deadline: isoDateTime,
  status: z.enum(['in_progress', 'submitted', 'expired']),
  questions: z.array(paperQuestionSchema),
  answers: z.record(z.string(), z.array(z.string())),
  score: z.optional(z.number()),
  passed: z.optional(z.boolean()),
  moduleScores: z.optional(z.array(z.object({ module: examModuleSchema, score: z.number(), max: z.number() }))),
  leftApp: z.number(),
})
export type Attempt = z.infer<typeof attemptSchema>

/** Body of PUT /attempts/:id/answers: the answers to merge in (an empty list clears one). */
export const answersBodySchema = z.strictObject({
  answers: z.record(text(1, 40), z.array(optionKeySchema).check(z.maxLength(6))),
})

/** What the owner's list of attempts shows of each: the attempt without its paper, so nothing of the key can leak. */
export const attemptSummarySchema = z.omit(attemptSchema, { questions: true, answers: true })
export type AttemptSummary = z.infer<typeof attemptSummarySchema>
export const attemptSummaryPageSchema = pageOf(attemptSummarySchema)

/** `GET /me/attempts?examId=&page=&pageSize=`: the caller's own attempts, newest first. */
export const myAttemptsQuerySchema = z.strictObject({ examId: z.optional(text(1, 40)), ...pageQueryShape })

/** The header row of a question import (POST /questions/import), in this order. */
export const IMPORT_HEADER = ['模块', '题型', '题干', 'A', 'B', 'C', 'D', 'E', 'F', '答案', '解析', '难度'] as const

/** Answer of `POST /questions/import` (201): how many questions were added. */
export const importAnswerSchema = z.object({
  created: z.number(),
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
})
export type ImportAnswer = z.infer<typeof importAnswerSchema>

/** Body of `POST /exams/:id/retakes`. */
export const retakeBodySchema = z.strictObject({
  userId: text(1, 40),
  reason: text(2, 200, { multiline: true }),
})
export type RetakeBody = z.infer<typeof retakeBodySchema>

/** Answer of `POST /exams/:id/retakes` (201): the grant and the person's attempts now left. */
export const retakeSchema = z.object({
  examId: z.string(),
  userId: z.string(),
  reason: z.string(),
  grantedBy: z.string(),
  grantedAt: isoDateTime,
  attemptsLeft: z.number(),
})
export type Retake = z.infer<typeof retakeSchema>

const resultUserSchema = z.object({ id: z.string(), name: z.string(), town: z.string(), village: z.optional(z.string()) })

/**
 * `GET /exams/:id/results?town=`: every secretary of the audience in the caller's scope, taken or not.
 * `best` is the best finished score (null before any); `byModule` means are over each taker's best
 * attempt; `distribution` counts best scores in tens (the last bucket holds 100).
 */
export const examResultsSchema = z.object({
  exam: examSchema,
  people: z.array(
    z.object({
      user: resultUserSchema,
      best: z.nullable(z.number()),
      passed: z.boolean(),
      attempts: z.number(),
      retakes: z.number(),
      leftApp: z.number(),
      bestAttemptId: z.nullable(z.string()),
    }),
  ),
  byModule: z.array(z.object({ module: examModuleSchema, mean: z.number(), max: z.number() })),
  byTown: z.array(z.object({ town: z.string(), people: z.number(), takers: z.number(), passRate: z.number() })),
  distribution: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })),
})
export type ExamResults = z.infer<typeof examResultsSchema>
export const examResultsQuerySchema = z.strictObject({ town: z.optional(text(2, 20)) })
