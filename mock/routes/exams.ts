import { createHmac, randomBytes } from 'node:crypto'
import {
  EXAM_MODULES,
  QUESTION_KIND_LABELS,
  answersBodySchema,
  attemptSchema,
  createExamBodySchema,
  examPageSchema,
  examRuleErrors,
  examSchema,
  questionBodySchema,
  questionPageSchema,
  questionQuerySchema,
  questionRuleErrors,
  questionSchema,
  updateExamBodySchema,
  attemptSummaryPageSchema,
  blueprintTotal,
  examResultsQuerySchema,
  examResultsSchema,
  importAnswerSchema,
  myAttemptsQuerySchema,
  retakeBodySchema,
  retakeSchema,
  type AttemptSummary,
  type ExamResults,
  type Attempt,
  type BlueprintLine,
  type Exam,
  type Question,
} from '../../src/api/contract/exam'
import { pageQueryShape } from '../../src/api/contract/common'
import { toChinaIso } from '../../src/api/contract/time'
import { z } from 'zod/mini'
import { appendAudit } from '../audit'
import type { UserRecord } from '../db'
import { cityOnly } from '../domain'
import { HttpError, parseOrThrow, validationFailed } from '../http'
import { paginate } from '../paging'
import {
  attemptsOf,
  deleteQuestion,
  findAttempt,
  findExam,
  findQuestion,
  insertAttempt,
  insertExam,
  insertQuestions,
  listExams,
  listQuestions,
  lockAttemptsOf,
  questionInUse,
  updateAttempt,
  updateExam,
  updateQuestion,
  type AttemptRecord,
  type ExamRecord,
  type PaperQuestionRecord,
  type QuestionRecord,
} from '../repos/exams'
import { nextId } from '../repos/ids'
import type { Tx } from '../repos/tx'
import { knownTownNames } from '../repos/towns'
import { findUser } from '../repos/users'
import type { Route } from '../router'
import { isCityOrganiser, personInScope, scopeTowns } from '../scope'
import { csvDownloadHeaders, toCsv } from '../csv'
import { readQuestionCsv } from '../question-import'
import { listUsers } from '../repos/users'

// 选拔任用 (API.md v1.1): the question bank (city organisers), exams by blueprint, and attempts
// whose clock the server holds.

const MINUTE = 60_000
/** Points to a hundredth, so 0.5-point questions add up exactly. */
const round2 = (n: number) => Math.round(n * 100) / 100
const cityOrganiserOnly = (user: UserRecord) => {
  if (!isCityOrganiser(user)) throw cityOnly('题库和考试')
}

const questionView = ({ createdBy: _by, ...q }: QuestionRecord): Question => q

const examView = (e: ExamRecord, extra: Pick<Exam, 'myAttempts' | 'attemptsLeft'> = {}): Exam => ({
  id: e.id,
  title: e.title,
  purpose: e.purpose,
  opensAt: toChinaIso(e.opensAt),
  closesAt: toChinaIso(e.closesAt),
  durationMinutes: e.durationMinutes,
  passScore: e.passScore,
  maxAttempts: e.maxAttempts,
  blueprint: e.blueprint,
  audience: { towns: e.audienceTowns },
  status: e.status,
  ...extra,
})

/** Whether the right answers of an attempt may be shown: after the exam closes; practice, once finished. */
const keysShown = (attempt: AttemptRecord, exam: ExamRecord, now: number) =>
  now >= exam.closesAt || (exam.purpose === 'practice' && attempt.status !== 'in_progress')

function attemptView(a: AttemptRecord, exam: ExamRecord, now: number): Attempt {
  const shown = keysShown(a, exam, now)
  return {
    id: a.id,
    examId: a.examId,
    startedAt: toChinaIso(a.startedAt),
    deadline: toChinaIso(a.deadline),
    status: a.status,
    questions: a.questions.map(({ answer, explanation, ...q }) => ({
      ...q,
      ...(shown ? { answer, ...(explanation ? { explanation } : {}) } : {}),
    })),
    answers: a.answers,
    ...(a.score !== undefined ? { score: a.score, passed: a.passed, moduleScores: a.moduleScores } : {}),
    leftApp: a.leftApp,
  }
}

/** Scores an attempt: full points for the exact set of keys, else 0; per module too. */
function score(a: AttemptRecord, exam: ExamRecord): Pick<AttemptRecord, 'score' | 'passed' | 'moduleScores'> {
  const sameKeys = (given: string[] | undefined, key: string[]) =>
    given !== undefined && given.length === key.length && [...given].sort().join() === [...key].sort().join()
  const byModule = new Map<string, { score: number; max: number }>()
  let total = 0
  for (const q of a.questions) {
    const got = sameKeys(a.answers[q.id], q.answer) ? q.points : 0
    total += got
    const m = byModule.get(q.module) ?? { score: 0, max: 0 }
    m.score += got
    m.max += q.points
    byModule.set(q.module, m)
  }
  return {
    score: round2(total),
    passed: round2(total) >= exam.passScore,
    moduleScores: EXAM_MODULES.filter((m) => byModule.has(m)).map((module) => ({
      module,
      score: round2(byModule.get(module)!.score),
      max: round2(byModule.get(module)!.max),
    })),
  }
}

/** An attempt past its deadline is scored with what was saved, and marked expired (stored). */
async function settle(tx: Tx, a: AttemptRecord, exam: ExamRecord, now: number): Promise<AttemptRecord> {
  if (a.status !== 'in_progress' || now <= a.deadline) return a
  Object.assign(a, score(a, exam), { status: 'expired', finishedAt: a.deadline })
  await updateAttempt(tx, a)
  return a
}

/** The blueprint lines the bank cannot fill, as one message naming them, or null. */
function shortLines(bank: readonly QuestionRecord[], blueprint: readonly BlueprintLine[]): string | null {
  const short = blueprint
    .map((l) => ({ l, have: bank.filter((q) => q.module === l.module && q.kind === l.kind).length }))
    .filter(({ l, have }) => have < l.count)
  if (short.length === 0) return null
  return `题库题目不够：${short.map(({ l, have }) => `${l.module}${QUESTION_KIND_LABELS[l.kind]}题需要 ${l.count} 道，只有 ${have} 道`).join('；')}`
}

/** This process's key for drawing papers: random, never stored or shown. */
const DRAW_KEY = randomBytes(32)

/**
 * A paper drawn at random per blueprint, frozen with the bank's text and keys of this moment. The
 * randomness is HMAC(a random key of this process, exam and attempt id): nobody can foresee a paper,
 * while the same state draws the same one again (a replayed start after a reset).
 */
function drawPaper(bank: readonly QuestionRecord[], exam: ExamRecord, attemptId: string): PaperQuestionRecord[] {
  const paper: PaperQuestionRecord[] = []
  let n = 0
  const below = (limit: number) => createHmac('sha256', DRAW_KEY).update(`${exam.id}:${attemptId}:${n++}`).digest().readUInt32BE(0) % limit
  for (const line of exam.blueprint) {
    const pool = bank.filter((q) => q.module === line.module && q.kind === line.kind)
    for (let i = 0; i < line.count; i++) {
      const [q] = pool.splice(below(pool.length), 1)
      paper.push({
        id: q.id,
        module: q.module,
        kind: q.kind,
        stem: q.stem,
        options: q.options,
        points: line.points,
        answer: q.answer,
        ...(q.explanation ? { explanation: q.explanation } : {}),
      })
    }
  }
  return paper
}

const examVisibleTo = (exam: ExamRecord, user: UserRecord) =>
  user.role === 'organiser' || (exam.status === 'published' && (exam.audienceTowns.length === 0 || exam.audienceTowns.includes(user.town)))

async function examOr404(tx: Tx, id: string, user: UserRecord, options: { lock?: boolean } = {}): Promise<ExamRecord> {
  const exam = await findExam(tx, id, options)
  if (!exam || !examVisibleTo(exam, user)) throw new HttpError(404, 'NOT_FOUND', '没有找到这场考试')
  return exam
}

/** The attempt if `user` may see it (its owner, or an organiser whose scope holds the owner), else 404. */
async function attemptOr404(tx: Tx, id: string, user: UserRecord, options: { lock?: boolean; ownerOnly?: boolean } = {}) {
  const attempt = await findAttempt(tx, id, { lock: options.lock })
  let allowed = attempt?.userId === user.id
  if (attempt && !allowed && !options.ownerOnly && user.role === 'organiser') {
    const owner = await findUser(tx, attempt.userId)
    allowed = owner !== undefined && personInScope(user, owner)
  }
  if (!attempt || !allowed) throw new HttpError(404, 'NOT_FOUND', '没有找到这次答题')
  const exam = (await findExam(tx, attempt.examId))!
  return { attempt, exam }
}

/** How many attempts a person may make: maxAttempts plus the retakes granted to them (null = unlimited). */
const allowedAttempts = (exam: ExamRecord, userId: string): number | null =>
  exam.maxAttempts === null ? null : exam.maxAttempts + (exam.retakes ?? []).filter((r) => r.userId === userId).length

async function attemptsLeft(tx: Tx, exam: ExamRecord, userId: string): Promise<{ used: number; left: number | null }> {
  const used = (await attemptsOf(tx, { examId: exam.id, userId })).length
  const allowed = allowedAttempts(exam, userId)
  return { used, left: allowed === null ? null : Math.max(0, allowed - used) }
}

/** The owner's attempt, locked and settled (an expired one is scored first), with its exam and the time. */
async function ownAttemptSettled(tx: Tx, id: string, user: UserRecord, now: number) {
  const { attempt, exam } = await attemptOr404(tx, id, user, { lock: true, ownerOnly: true })
  await settle(tx, attempt, exam, now)
  return { attempt, exam }
}

async function examFieldErrors(tx: Tx, input: { blueprint?: BlueprintLine[]; audience?: { towns: string[] } }): Promise<Record<string, string>> {
  const errors: Record<string, string> = {}
  if (input.blueprint) {
    const short = shortLines(await listQuestions(tx), input.blueprint)
    if (short) errors.blueprint = short
  }
  if (input.audience) {
    const known = await knownTownNames(tx)
    const unknown = input.audience.towns.filter((t) => !known.has(t))
    if (unknown.length) errors['audience.towns'] = `没有这个镇（街道）：${unknown.join('、')}`
  }
  return errors
}


const summaryView = (a: AttemptRecord): AttemptSummary => ({
  id: a.id,
  examId: a.examId,
  startedAt: toChinaIso(a.startedAt),
  deadline: toChinaIso(a.deadline),
  status: a.status,
  ...(a.score !== undefined ? { score: a.score, passed: a.passed, moduleScores: a.moduleScores } : {}),
  leftApp: a.leftApp,
})

/** The finished attempt with the highest score (the earliest of equals), or undefined. */
const bestOf = (attempts: readonly AttemptRecord[]) =>
  attempts.filter((a) => a.status !== 'in_progress').reduce<AttemptRecord | undefined>((best, a) => (!best || a.score! > best.score! ? a : best), undefined)

/**
 * The results of an exam as `viewer` may see them: every secretary of the audience in scope (and
 * anyone in scope who took it outside the audience), expired attempts scored first.
 */
async function examResults(tx: Tx, exam: ExamRecord, viewer: UserRecord, town: string | undefined, now: number): Promise<ExamResults> {
  const towns = scopeTowns(viewer, town)
  const all = await attemptsOf(tx, { examId: exam.id })
  for (const a of all) await settle(tx, a, exam, now)
  const takersIds = new Set(all.map((a) => a.userId))
  const people = (await listUsers(tx, { role: 'secretary', towns })).filter(
    (u) => exam.audienceTowns.length === 0 || exam.audienceTowns.includes(u.town) || takersIds.has(u.id),
  )
  const rows = people.map((u) => {
    const mine = all.filter((a) => a.userId === u.id)
    const best = bestOf(mine)
    return {
      user: { id: u.id, name: u.name, town: u.town, ...(u.village ? { village: u.village } : {}) },
      best: best ? best.score! : null,
      passed: mine.some((a) => a.passed === true),
      attempts: mine.length,
      retakes: (exam.retakes ?? []).filter((r) => r.userId === u.id).length,
      leftApp: mine.reduce((n, a) => n + a.leftApp, 0),
      bestAttemptId: best ? best.id : null,
      bestAttempt: best,
    }
  })
  const takers = rows.filter((r) => r.bestAttempt)
  const modules = EXAM_MODULES.filter((m) => exam.blueprint.some((l) => l.module === m))
  const byModule = modules.map((module) => {
    const max = blueprintTotal(exam.blueprint.filter((l) => l.module === module))
    const scores = takers.map((r) => r.bestAttempt!.moduleScores?.find((x) => x.module === module)?.score ?? 0)
    return { module, mean: scores.length ? round2(scores.reduce((n, x) => n + x, 0) / scores.length) : 0, max }
  })
  const townNames = [...new Set(rows.map((r) => r.user.town))]
  const byTown = townNames.map((t) => {
    const here = rows.filter((r) => r.user.town === t)
    const took = here.filter((r) => r.bestAttempt)
    return { town: t, people: here.length, takers: took.length, passRate: took.length ? Math.round((took.filter((r) => r.passed).length / took.length) * 1000) / 1000 : 0 }
  })
  const distribution = Array.from({ length: 10 }, (_, i) => ({
    from: i * 10,
    to: i === 9 ? 100 : i * 10 + 10,
    count: takers.filter((r) => (i === 9 ? r.best! >= 90 : r.best! >= i * 10 && r.best! < i * 10 + 10)).length,
  }))
  return {
    exam: examView(exam),
    people: rows.map(({ bestAttempt: _b, ...r }) => r),
    byModule,
    byTown,
    distribution,
  }
}

const RESULTS_CSV_HEADER = ['姓名', '镇（街道）', '村（社区）', '最好成绩', '是否通过', '答题次数', '补考次数', '切出次数']

/** Organisers' view of an exam: any exam (drafts too); 404 for an unknown id. */
async function examForOrganiser(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<ExamRecord> {
  const exam = await findExam(tx, id, options)
  if (!exam) throw new HttpError(404, 'NOT_FOUND', '没有找到这场考试')
  return exam
}

const examListQuerySchema = z.strictObject({ ...pageQueryShape })

export const examRoutes: Route[] = [
  {
    method: 'GET',
    path: '/questions',
    access: ['organiser'],
    doc: { summary: 'The question bank by module and text (city organisers)', query: questionQuerySchema, response: questionPageSchema },
    async handle({ tx, query, user }) {
      cityOrganiserOnly(user)
      const { module, q, page, pageSize } = parseOrThrow(questionQuerySchema, query)
      const needle = q?.toLowerCase()
      const found = (await listQuestions(tx, { module })).filter((x) => !needle || x.stem.toLowerCase().includes(needle))
      return { status: 200, body: paginate(found, page, pageSize, questionView) }
    },
  },
  {
    method: 'POST',
    path: '/questions',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Add a question to the bank (city organisers)', body: questionBodySchema, response: questionSchema, status: 201 },
    async handle({ tx, clock, body, user }) {
      cityOrganiserOnly(user)
      const input = parseOrThrow(questionBodySchema, body)
      const errors = questionRuleErrors(input)
      if (Object.keys(errors).length) throw validationFailed(errors)
      const record: QuestionRecord = { id: await nextId(tx, 'q-'), ...input, createdBy: user.id }
      if (!record.explanation) delete record.explanation
      await insertQuestions(tx, [record])
      await appendAudit(tx, { by: user.id, at: clock.now(), action: 'create', entity: 'questions', entityId: record.id, after: questionView(record) })
      return { status: 201, body: questionView(record) }
    },
  },
  {
    method: 'POST',
    path: '/questions/import',
    access: ['organiser'],
    idempotent: true,
    csv: true,
    doc: {
      summary: 'Import questions from CSV (header 模块,题型,题干,A–F,答案,解析,难度): all or nothing; 400 IMPORT_FAILED with errors per line',
      response: importAnswerSchema,
      status: 201,
    },
    async handle({ tx, clock, body, user }) {
      cityOrganiserOnly(user)
      const bank = await listQuestions(tx)
      const { questions, errors } = readQuestionCsv(String(body ?? ''), new Set(bank.map((q) => q.stem)))
      if (errors.length) {
        const shown = errors.slice(0, 200)
        return {
          status: 400,
          body: { error: { code: 'IMPORT_FAILED', message: `有 ${errors.length} 行不对，没有导入任何题目；请改正后重新导入`, errors: shown } },
        }
      }
      const now = clock.now()
      const records: QuestionRecord[] = []
      for (const { body: q } of questions) records.push({ id: await nextId(tx, 'q-'), ...q, createdBy: user.id })
      await insertQuestions(tx, records)
      for (const r of records) await appendAudit(tx, { by: user.id, at: now, action: 'import', entity: 'questions', entityId: r.id, after: questionView(r) })
      return { status: 201, body: { created: records.length, errors: [] } }
    },
  },
  {
    method: 'PUT',
    path: '/questions/:id',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Replace a question (papers already drawn keep their copy)', body: questionBodySchema, response: questionSchema },
    async handle({ tx, clock, params, body, user }) {
      cityOrganiserOnly(user)
      const input = parseOrThrow(questionBodySchema, body)
      const errors = questionRuleErrors(input)
      if (Object.keys(errors).length) throw validationFailed(errors)
      const found = await findQuestion(tx, params.id, { lock: true })
      if (!found) throw new HttpError(404, 'NOT_FOUND', '没有找到这道题')
      const record: QuestionRecord = { id: found.id, ...input, createdBy: found.createdBy }
      if (!record.explanation) delete record.explanation
      await updateQuestion(tx, record)
      await appendAudit(tx, { by: user.id, at: clock.now(), action: 'update', entity: 'questions', entityId: record.id, before: questionView(found), after: questionView(record) })
      return { status: 200, body: questionView(record) }
    },
  },
  {
    method: 'DELETE',
    path: '/questions/:id',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Remove a question; 409 QUESTION_IN_USE when it is on a paper of a published exam', status: 204 },
    async handle({ tx, clock, params, user }) {
      cityOrganiserOnly(user)
      const found = await findQuestion(tx, params.id, { lock: true })
      if (!found) throw new HttpError(404, 'NOT_FOUND', '没有找到这道题')
      if (await questionInUse(tx, found.id)) throw new HttpError(409, 'QUESTION_IN_USE', '这道题已出现在已发布考试的试卷里，不能删除；可以修改它')
      await deleteQuestion(tx, found.id)
      await appendAudit(tx, { by: user.id, at: clock.now(), action: 'delete', entity: 'questions', entityId: found.id, before: questionView(found) })
      return { status: 204 }
    },
  },
  {
    method: 'POST',
    path: '/exams',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Create an exam from a blueprint that the bank can fill (city organisers)', body: createExamBodySchema, response: examSchema, status: 201 },
    async handle({ tx, clock, body, user }) {
      cityOrganiserOnly(user)
      const input = parseOrThrow(createExamBodySchema, body)
      const errors = { ...(await examFieldErrors(tx, input)), ...examRuleErrors(input) }
      if (Object.keys(errors).length) throw validationFailed(errors)
      const now = clock.now()
      const exam: ExamRecord = {
        id: await nextId(tx, 'exam-'),
        title: input.title,
        purpose: input.purpose,
        opensAt: Date.parse(input.opensAt),
        closesAt: Date.parse(input.closesAt),
        durationMinutes: input.durationMinutes,
        passScore: input.passScore,
        maxAttempts: input.maxAttempts,
        blueprint: input.blueprint,
        audienceTowns: [...new Set(input.audience.towns)],
        status: input.status,
        createdBy: user.id,
        createdAt: now,
      }
      await insertExam(tx, exam)
      await appendAudit(tx, { by: user.id, at: now, action: 'create', entity: 'exams', entityId: exam.id, after: examView(exam) })
      return { status: 201, body: examView(exam) }
    },
  },
  {
    method: 'PATCH',
    path: '/exams/:id',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: "Edit an exam; a published exam's blueprint, pass score and duration are fixed once someone started", body: updateExamBodySchema, response: examSchema },
    async handle({ tx, clock, params, body, user }) {
      cityOrganiserOnly(user)
      const patch = parseOrThrow(updateExamBodySchema, body)
      const exam = await findExam(tx, params.id, { lock: true })
      if (!exam) throw new HttpError(404, 'NOT_FOUND', '没有找到这场考试')
      const merged = {
        purpose: exam.purpose,
        opensAt: patch.opensAt ?? toChinaIso(exam.opensAt),
        closesAt: patch.closesAt ?? toChinaIso(exam.closesAt),
        maxAttempts: patch.maxAttempts !== undefined ? patch.maxAttempts : exam.maxAttempts,
        blueprint: patch.blueprint ?? exam.blueprint,
      }
      const errors = { ...(await examFieldErrors(tx, patch)), ...examRuleErrors(merged) }
      if (Object.keys(errors).length) throw validationFailed(errors)
      const started = (await attemptsOf(tx, { examId: exam.id })).length > 0
      const fixed = (['blueprint', 'passScore', 'durationMinutes'] as const).filter((k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(exam[k]))
      if (exam.status === 'published' && started && fixed.length) {
        throw new HttpError(409, 'EXAM_CLOSED', '已有人开始答题：组卷规则、及格分和时长不能再改')
      }
      if (exam.status === 'published' && patch.status === 'draft' && started) {
        throw new HttpError(409, 'EXAM_CLOSED', '已有人开始答题，不能改回草稿')
      }
      const before = examView(exam)
      if (patch.title !== undefined) exam.title = patch.title
      if (patch.opensAt !== undefined) exam.opensAt = Date.parse(patch.opensAt)
      if (patch.closesAt !== undefined) exam.closesAt = Date.parse(patch.closesAt)
      if (patch.durationMinutes !== undefined) exam.durationMinutes = patch.durationMinutes
      if (patch.passScore !== undefined) exam.passScore = patch.passScore
      if (patch.maxAttempts !== undefined) exam.maxAttempts = patch.maxAttempts
      if (patch.blueprint !== undefined) exam.blueprint = patch.blueprint
      if (patch.audience !== undefined) exam.audienceTowns = [...new Set(patch.audience.towns)]
      if (patch.status !== undefined) exam.status = patch.status
      await updateExam(tx, exam)
      await appendAudit(tx, { by: user.id, at: clock.now(), action: 'update', entity: 'exams', entityId: exam.id, before, after: examView(exam) })
      return { status: 200, body: examView(exam) }
    },
  },
  {
    method: 'GET',
    path: '/exams',
    access: 'any',
    doc: { summary: 'Exams: organisers all; secretaries the published ones of their audience, with myAttempts and attemptsLeft', query: examListQuerySchema, response: examPageSchema },
    async handle({ tx, query, user }) {
      const { page, pageSize } = parseOrThrow(examListQuerySchema, query)
      const visible = (await listExams(tx)).filter((e) => examVisibleTo(e, user)).sort((a, b) => b.opensAt - a.opensAt)
      const one = paginate(visible, page, pageSize, (e) => e)
      const items: Exam[] = []
      for (const e of one.items) {
        if (user.role !== 'secretary') items.push(examView(e))
        else {
          const { used, left } = await attemptsLeft(tx, e, user.id)
          items.push(examView(e, { myAttempts: used, attemptsLeft: left }))
        }
      }
      return { status: 200, body: { ...one, items } }
    },
  },
  {
    method: 'GET',
    path: '/exams/:id',
    access: 'any',
    doc: { summary: 'One exam (secretaries: with myAttempts and attemptsLeft)', response: examSchema },
    async handle({ tx, params, user }) {
      const exam = await examOr404(tx, params.id, user)
      if (user.role !== 'secretary') return { status: 200, body: examView(exam) }
      const { used, left } = await attemptsLeft(tx, exam, user.id)
      return { status: 200, body: examView(exam, { myAttempts: used, attemptsLeft: left }) }
    },
  },
  {
    method: 'GET',
    path: '/exams/:id/results',
    access: ['organiser'],
    doc: { summary: "Results of the people in the caller's scope: best score, attempts, times left the app; means per module, pass rate per town, the score distribution", query: examResultsQuerySchema, response: examResultsSchema },
    async handle({ tx, clock, params, query, user }) {
      const { town } = parseOrThrow(examResultsQuerySchema, query)
      const exam = await examForOrganiser(tx, params.id)
      return { status: 200, body: await examResults(tx, exam, user, town, clock.now()) }
    },
  },
  {
    method: 'GET',
    path: '/exams/:id/results.csv',
    access: ['organiser'],
    doc: { summary: 'The people of GET /exams/:id/results as CSV (UTF-8 with BOM, Chinese header)', query: examResultsQuerySchema, produces: 'text/csv' },
    async handle({ tx, clock, params, query, user }) {
      const { town } = parseOrThrow(examResultsQuerySchema, query)
      const exam = await examForOrganiser(tx, params.id)
      const { people } = await examResults(tx, exam, user, town, clock.now())
      const rows = people.map((p) => [
        p.user.name,
        p.user.town,
        p.user.village ?? '',
        p.best === null ? '未参加' : String(p.best),
        p.best === null ? '' : p.passed ? '通过' : '未通过',
        String(p.attempts),
        String(p.retakes),
        String(p.leftApp),
      ])
      return { status: 200, body: toCsv([RESULTS_CSV_HEADER, ...rows]), headers: csvDownloadHeaders(`results-${exam.id}.csv`, `${exam.title}-成绩.csv`) }
    },
  },
  {
    method: 'POST',
    path: '/exams/:id/retakes',
    access: ['organiser'],
    idempotent: true,
    doc: { summary: 'Grant one more attempt to a secretary in scope, with a reason (audited)', body: retakeBodySchema, response: retakeSchema, status: 201 },
    async handle({ tx, clock, params, body, user }) {
      const { userId, reason } = parseOrThrow(retakeBodySchema, body)
      const exam = await examForOrganiser(tx, params.id, { lock: true })
      const person = await findUser(tx, userId)
      if (!person || person.role !== 'secretary' || !personInScope(user, person)) throw new HttpError(404, 'NOT_FOUND', '没有找到这位书记')
      const now = clock.now()
      if (exam.maxAttempts === null) throw new HttpError(409, 'RETAKE_NOT_NEEDED', '这场考试不限次数，不需要补考')
      if (now >= exam.closesAt) throw new HttpError(409, 'EXAM_CLOSED', '考试已经结束，不能再安排补考')
      const grant = { userId, reason, by: user.id, at: now }
      exam.retakes = [...(exam.retakes ?? []), grant]
      await updateExam(tx, exam)
      await appendAudit(tx, { by: user.id, at: now, action: 'retake', entity: 'exams', entityId: exam.id, after: { userId, reason } })
      const { left } = await attemptsLeft(tx, exam, userId)
      return { status: 201, body: { examId: exam.id, userId, reason, grantedBy: user.id, grantedAt: toChinaIso(now), attemptsLeft: left! } }
    },
  },
  {
    method: 'GET',
    path: '/me/attempts',
    access: ['secretary'],
    doc: { summary: "The caller's own attempts, newest first (no paper: open one with GET /attempts/:id)", query: myAttemptsQuerySchema, response: attemptSummaryPageSchema },
    async handle({ tx, clock, query, user }) {
      const { examId, page, pageSize } = parseOrThrow(myAttemptsQuerySchema, query)
      const now = clock.now()
      const mine = (await attemptsOf(tx, { userId: user.id, examId })).reverse()
      const exams = new Map<string, ExamRecord>()
      for (const a of mine) {
        if (!exams.has(a.examId)) exams.set(a.examId, (await findExam(tx, a.examId))!)
        await settle(tx, a, exams.get(a.examId)!, now)
      }
      return { status: 200, body: paginate(mine, page, pageSize, summaryView) }
    },
  },
  {
    method: 'POST',
    path: '/exams/:id/attempts',
    access: ['secretary'],
    idempotent: true,
    doc: {
      summary: 'Start (201, a frozen random paper without answers) or resume (200) an attempt; 409 EXAM_CLOSED outside the window, NO_ATTEMPTS_LEFT when none is left',
      response: attemptSchema,
      status: 201,
    },
    async handle({ tx, clock, params, user }) {
      const exam = await examOr404(tx, params.id, user)
      // Two taps at once: the second waits for the first and resumes what it started.
      await lockAttemptsOf(tx, exam.id, user.id)
      const now = clock.now()
      const mine = await attemptsOf(tx, { examId: exam.id, userId: user.id })
      for (const a of mine) await settle(tx, a, exam, now)
      const running = mine.find((a) => a.status === 'in_progress')
      if (running) return { status: 200, body: attemptView(running, exam, now) }
      if (now < exam.opensAt) throw new HttpError(409, 'EXAM_CLOSED', `考试还没开始：${toChinaIso(exam.opensAt).slice(0, 16).replace('T', ' ')} 开考`)
      if (now >= exam.closesAt) throw new HttpError(409, 'EXAM_CLOSED', '考试已经结束，不能再答题')
      const allowed = allowedAttempts(exam, user.id)
      if (allowed !== null && mine.length >= allowed) {
        throw new HttpError(409, 'NO_ATTEMPTS_LEFT', `这场考试您可以考 ${allowed} 次，次数已用完；如需补考请联系组织部门`)
      }
      const bank = await listQuestions(tx)
      if (shortLines(bank, exam.blueprint)) throw new HttpError(409, 'EXAM_CLOSED', '题库正在调整，暂时不能开考，请稍后再试或联系组织部门')
      const id = await nextId(tx, 'att-')
      const attempt: AttemptRecord = {
        id,
        examId: exam.id,
        userId: user.id,
        startedAt: now,
        deadline: Math.min(now + exam.durationMinutes * MINUTE, exam.closesAt),
        status: 'in_progress',
        questions: drawPaper(bank, exam, id),
        answers: {},
        leftApp: 0,
      }
      await insertAttempt(tx, attempt)
      return { status: 201, body: attemptView(attempt, exam, now) }
    },
  },
  {
    method: 'PUT',
    path: '/attempts/:id/answers',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Save answers (merged in; an empty list clears one); 409 ATTEMPT_EXPIRED after the deadline', body: answersBodySchema, response: attemptSchema },
    async handle({ tx, clock, params, body, user }) {
      const { answers } = parseOrThrow(answersBodySchema, body)
      const { attempt, exam } = await attemptOr404(tx, params.id, user, { lock: true, ownerOnly: true })
      const now = clock.now()
      if (attempt.status !== 'in_progress' || now > attempt.deadline) {
        throw new HttpError(409, 'ATTEMPT_EXPIRED', attempt.status === 'submitted' ? '已经交卷，不能再改答案' : '答题时间已到，答案已按最后保存的内容计分')
      }
      const errors: Record<string, string> = {}
      for (const [id, keys] of Object.entries(answers)) {
        const q = attempt.questions.find((x) => x.id === id)
        if (!q) errors[`answers.${id}`] = '试卷里没有这道题'
        else if (keys.some((k) => !q.options.some((o) => o.key === k))) errors[`answers.${id}`] = '没有这个选项'
        else if (q.kind !== 'multiple' && keys.length > 1) errors[`answers.${id}`] = '这道题只能选一个'
      }
      if (Object.keys(errors).length) throw validationFailed(errors)
      for (const [id, keys] of Object.entries(answers)) {
        if (keys.length === 0) delete attempt.answers[id]
        else attempt.answers[id] = [...new Set(keys)].sort()
      }
      await updateAttempt(tx, attempt)
      return { status: 200, body: attemptView(attempt, exam, now) }
    },
  },
  {
    method: 'POST',
    path: '/attempts/:id/submit',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: '交卷: scores the attempt (full points for the exact keys, else 0); past the deadline it is scored as expired', response: attemptSchema },
    async handle({ tx, clock, params, user }) {
      const now = clock.now()
      const { attempt, exam } = await ownAttemptSettled(tx, params.id, user, now)
      if (attempt.status === 'in_progress') {
        Object.assign(attempt, score(attempt, exam), { status: 'submitted', finishedAt: now })
        await updateAttempt(tx, attempt)
      }
      return { status: 200, body: attemptView(attempt, exam, now) }
    },
  },
  {
    method: 'POST',
    path: '/attempts/:id/left-app',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Counts a switch away from the app during the attempt (shown to organisers; never fails anyone)', response: attemptSchema },
    async handle({ tx, clock, params, user }) {
      const now = clock.now()
      const { attempt, exam } = await ownAttemptSettled(tx, params.id, user, now)
      if (attempt.status === 'in_progress') {
        attempt.leftApp += 1
        await updateAttempt(tx, attempt)
      }
      return { status: 200, body: attemptView(attempt, exam, now) }
    },
  },
  {
    method: 'GET',
    path: '/attempts/:id',
    access: 'any',
    doc: { summary: 'An attempt (owner; organisers in scope): answers and explanations only once the exam closed (practice: once finished)', response: attemptSchema },
    async handle({ tx, clock, params, user }) {
      const { attempt, exam } = await attemptOr404(tx, params.id, user)
      const now = clock.now()
      await settle(tx, attempt, exam, now)
      return { status: 200, body: attemptView(attempt, exam, now) }
    },
  },
]
