import { sql } from 'kysely'
import type { BlueprintLine, ExamModule, ExamPurpose, Question, QuestionKind } from '../../src/api/contract/exam'
import type { Tx } from './tx'

// 选拔任用 records (API.md v1.1). Each row keeps its record as JSON in `data`, beside the columns
// the queries filter on; instants are epoch ms.

/** A bank question, with who added it. */
export type QuestionRecord = Question & { createdBy: string }

/** An exam. */
export type ExamRecord = {
  id: string
  title: string
  purpose: ExamPurpose
  opensAt: number
  closesAt: number
  durationMinutes: number
  passScore: number
  maxAttempts: number | null
  blueprint: BlueprintLine[]
  audienceTowns: string[]
  status: 'draft' | 'published'
  createdBy: string
  createdAt: number
  /** Extra attempts granted by organisers, one per grant (POST /exams/:id/retakes). */
  retakes?: RetakeRecord[]
}

/** One granted retake: for whom, why, by whom and when. */
export type RetakeRecord = { userId: string; reason: string; by: string; at: number }

/** A question as frozen into a paper: the bank's text at drawing time, its points, and its key. */
export type PaperQuestionRecord = {
  id: string
  module: ExamModule
  kind: QuestionKind
  stem: string
  options: Question['options']
  points: number
  answer: string[]
  explanation?: string
}

/** One sitting of an exam. */
export type AttemptRecord = {
  id: string
  examId: string
  userId: string
  startedAt: number
  deadline: number
  status: 'in_progress' | 'submitted' | 'expired'
  questions: PaperQuestionRecord[]
  answers: Record<string, string[]>
  score?: number
  passed?: boolean
  moduleScores?: { module: ExamModule; score: number; max: number }[]
  leftApp: number
  finishedAt?: number
}

const json = (value: unknown) => JSON.stringify(value)

export async function listQuestions(tx: Tx, filter: { module?: ExamModule } = {}): Promise<QuestionRecord[]> {
  let query = tx.selectFrom('questions').select('data').orderBy('pos')
  if (filter.module) query = query.where('module', '=', filter.module)
  return (await query.execute()).map((r) => r.data as QuestionRecord)
}

export async function findQuestion(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<QuestionRecord | undefined> {
  let query = tx.selectFrom('questions').select('data').where('id', '=', id)
  if (options.lock) query = query.forUpdate()
  return (await query.executeTakeFirst())?.data as QuestionRecord | undefined
}

export async function insertQuestions(tx: Tx, records: readonly QuestionRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 500) {
    await tx
      .insertInto('questions')
      .values(records.slice(i, i + 500).map((q) => ({ id: q.id, module: q.module, data: json(q) })))
      .execute()
  }
}

export async function updateQuestion(tx: Tx, record: QuestionRecord): Promise<void> {
  await tx.updateTable('questions').set({ module: record.module, data: json(record) }).where('id', '=', record.id).execute()
}

export async function deleteQuestion(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('questions').where('id', '=', id).execute()
}

export async function listExams(tx: Tx): Promise<ExamRecord[]> {
  return (await tx.selectFrom('exams').select('data').orderBy('pos').execute()).map((r) => r.data as ExamRecord)
}

export async function findExam(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<ExamRecord | undefined> {
  let query = tx.selectFrom('exams').select('data').where('id', '=', id)
  if (options.lock) query = query.forUpdate()
  return (await query.executeTakeFirst())?.data as ExamRecord | undefined
}

export async function insertExam(tx: Tx, record: ExamRecord): Promise<void> {
  await tx.insertInto('exams').values({ id: record.id, status: record.status, data: json(record) }).execute()
}

export async function updateExam(tx: Tx, record: ExamRecord): Promise<void> {
  await tx.updateTable('exams').set({ status: record.status, data: json(record) }).where('id', '=', record.id).execute()
}

/** Serialises starts of one person's attempts at one exam (two taps at once give one attempt). */
export async function lockAttemptsOf(tx: Tx, examId: string, userId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`attempt:${examId}:${userId}`}, 0))`.execute(tx)
}

export async function attemptsOf(tx: Tx, filter: { examId?: string; userId?: string }): Promise<AttemptRecord[]> {
  let query = tx.selectFrom('exam_attempts').select('data').orderBy('pos')
  if (filter.examId) query = query.where('exam_id', '=', filter.examId)
  if (filter.userId) query = query.where('user_id', '=', filter.userId)
  return (await query.execute()).map((r) => r.data as AttemptRecord)
}

export async function findAttempt(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<AttemptRecord | undefined> {
  let query = tx.selectFrom('exam_attempts').select('data').where('id', '=', id)
  if (options.lock) query = query.forUpdate()
  return (await query.executeTakeFirst())?.data as AttemptRecord | undefined
}

export async function insertAttempt(tx: Tx, record: AttemptRecord): Promise<void> {
  await tx
    .insertInto('exam_attempts')
    .values({ id: record.id, exam_id: record.examId, user_id: record.userId, status: record.status, data: json(record) })
    .execute()
}

export async function updateAttempt(tx: Tx, record: AttemptRecord): Promise<void> {
  await tx.updateTable('exam_attempts').set({ status: record.status, data: json(record) }).where('id', '=', record.id).execute()
}

/** Whether a question is on the paper of any attempt at a published exam. */
export async function questionInUse(tx: Tx, questionId: string): Promise<boolean> {
  const rows = await tx
    .selectFrom('exam_attempts')
    .innerJoin('exams', 'exams.id', 'exam_attempts.exam_id')
    .select('exam_attempts.data')
    .where('exams.status', '=', 'published')
    .execute()
  return rows.some((r) => (r.data as AttemptRecord).questions.some((q) => q.id === questionId))
}
