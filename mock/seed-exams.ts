import { EXAM_MODULES, type BlueprintLine } from '../src/api/contract/exam'
import { chinaYear } from '../src/api/contract/time'
import type { UserRecord } from './db'
import type { AttemptRecord, ExamRecord, PaperQuestionRecord, QuestionRecord } from './repos/exams'
import { SEED_QUESTIONS } from './seed-questions'

// 选拔任用 in the seed (API.md v1.1 "what the seed holds"): the bank, this year's 任职资格测试 (open
// around `now`) with some attempts, and a practice exam (练). Ids are fixed; papers follow the blueprint.

const DAY = 24 * 60 * 60 * 1000
const KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const

/** 任职资格测试: per module 5 single × 2 + 2 multiple × 3 + 3 judge × 3 = 25; 100 in all, 60 minutes. */
export const QUALIFICATION_BLUEPRINT: BlueprintLine[] = EXAM_MODULES.flatMap((module) => [
  { module, kind: 'single' as const, count: 5, points: 2 },
  { module, kind: 'multiple' as const, count: 2, points: 3 },
  { module, kind: 'judge' as const, count: 3, points: 3 },
])
/** 练: five single-choice questions per module, 5 points each. */
export const PRACTICE_BLUEPRINT: BlueprintLine[] = EXAM_MODULES.map((module) => ({ module, kind: 'single' as const, count: 5, points: 5 }))

/** The bank as records: ids q-seed-001…, options keyed A, B, C… */
export function seedQuestionRecords(): QuestionRecord[] {
  return SEED_QUESTIONS.map((q, i) => ({
    id: `q-seed-${String(i + 1).padStart(3, '0')}`,
    module: q.module,
    kind: q.kind,
    stem: q.stem,
    options: q.options.map((text, k) => ({ key: KEYS[k], text })),
    answer: [...q.answer],
    ...(q.explanation ? { explanation: q.explanation } : {}),
    difficulty: q.difficulty,
    createdBy: 'u-o1',
  }))
}

/** A paper by blueprint taking the first questions of each module and kind, shifted by `offset` (deterministic). */
function paperOf(bank: readonly QuestionRecord[], blueprint: readonly BlueprintLine[], offset: number): PaperQuestionRecord[] {
  return blueprint.flatMap((line) => {
    const pool = bank.filter((q) => q.module === line.module && q.kind === line.kind)
    return Array.from({ length: line.count }, (_, i) => {
      const q = pool[(i + offset) % pool.length]
      return { id: q.id, module: q.module, kind: q.kind, stem: q.stem, options: q.options, points: line.points, answer: q.answer, ...(q.explanation ? { explanation: q.explanation } : {}) }
    })
  })
}

/** Seeds the bank, the year's qualification exam (open now, 2 attempts each) with five submitted attempts, and a practice exam. */
export function seedExams(now: number, users: readonly UserRecord[]): NonNullable<import('./db').DbState['exams']> {
  const bank = seedQuestionRecords()
  const year = chinaYear(now)
  const qualification: ExamRecord = {
    id: `exam-${year}-qualification`,
    title: `${year} 年村（社区）党组织书记任职资格测试`,
    purpose: 'qualification',
    opensAt: now - 3 * DAY,
    closesAt: now + 10 * DAY,
    durationMinutes: 60,
    passScore: 60,
    maxAttempts: 2,
    blueprint: QUALIFICATION_BLUEPRINT,
    audienceTowns: [],
    status: 'published',
    createdBy: 'u-o1',
    createdAt: now - 20 * DAY,
  }
  const practice: ExamRecord = {
    id: 'exam-practice',
    title: '一会一练：政策法规日常练习',
    purpose: 'practice',
    opensAt: now - 60 * DAY,
    closesAt: now + 300 * DAY,
    durationMinutes: 30,
    passScore: 60,
    maxAttempts: null,
    blueprint: PRACTICE_BLUEPRINT,
    audienceTowns: [],
    status: 'published',
    createdBy: 'u-o1',
    createdAt: now - 61 * DAY,
  }
  // Secretaries 31–35 sat the test two days ago: each answers the first k questions right.
  const attempts: AttemptRecord[] = users
    .filter((u) => u.role === 'secretary')
    .slice(30, 35)
    .map((u, n) => {
      const questions = paperOf(bank, qualification.blueprint, n)
      const right = 20 + n * 4
      const answers = Object.fromEntries(questions.map((q, i) => [q.id, i < right ? q.answer : q.kind === 'judge' || q.kind === 'single' ? [q.answer[0] === 'A' ? 'B' : 'A'] : ['A']]))
      const moduleScores = EXAM_MODULES.map((module) => {
        const mine = questions.filter((q) => q.module === module)
        const got = mine.reduce((s, q) => s + (JSON.stringify(answers[q.id]) === JSON.stringify(q.answer) ? q.points : 0), 0)
        return { module, score: got, max: mine.reduce((s, q) => s + q.points, 0) }
      })
      const score = moduleScores.reduce((s, m) => s + m.score, 0)
      const startedAt = now - 2 * DAY + n * 60 * 60 * 1000
      return {
        id: `att-seed-${n + 1}`,
        examId: qualification.id,
        userId: u.id,
        startedAt,
        deadline: startedAt + 60 * 60 * 1000,
        status: 'submitted' as const,
        questions,
        answers,
        score,
        passed: score >= qualification.passScore,
        moduleScores,
        leftApp: n % 2,
        finishedAt: startedAt + 40 * 60 * 1000,
      }
    })
  return { questions: bank, exams: [qualification, practice], attempts }
}
