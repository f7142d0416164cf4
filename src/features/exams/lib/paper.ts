import type { Attempt, AttemptSummary, Exam, PaperQuestion, QuestionKind } from '@/api/contract/exam'

// Pure rules of taking an exam on the phone: choosing, what is left unanswered, the countdown, and
// what an exam offers its secretary now.

/** The keys after tapping `key`: single and judge take one; multiple toggles it (kept in A–F order). */
export function toggleChoice(kind: QuestionKind, current: readonly string[], key: string): string[] {
  if (kind !== 'multiple') return current.length === 1 && current[0] === key ? [] : [key]
  const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key]
  return next.sort()
}

/** The server's saved answers with the phone's unsent ones on top (an empty list clears one). */
export function mergeAnswers(saved: Record<string, string[]>, pending: Record<string, string[]> | undefined): Record<string, string[]> {
  const merged: Record<string, string[]> = { ...saved }
  for (const [id, keys] of Object.entries(pending ?? {})) {
    if (keys.length) merged[id] = keys
    else delete merged[id]
  }
  return merged
}

/** 1-based numbers of the questions without an answer. */
export function unansweredNumbers(questions: readonly PaperQuestion[], answers: Record<string, string[]>): number[] {
  return questions.flatMap((q, i) => (answers[q.id]?.length ? [] : [i + 1]))
}

/** The summary of 交卷: all answered, or which ones are not (at most 10 numbers, then 等). */
export function submitSummary(questions: readonly PaperQuestion[], answers: Record<string, string[]>): string {
  const left = unansweredNumbers(questions, answers)
  if (left.length === 0) return `${questions.length} 题都已作答。交卷后不能再修改。`
  const shown = left.slice(0, 10).join('、')
  return `还有 ${left.length} 题未答：第 ${shown}${left.length > 10 ? ' 等' : ''} 题。未答的题不得分。交卷后不能再修改。`
}

/** Milliseconds left until the server's deadline (never below 0). */
export function remainingMs(deadline: string, now: number): number {
  return Math.max(0, Date.parse(deadline) - now)
}

/** A countdown as 剩余 MM:SS, or H:MM:SS from an hour on. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`
}

/** Where an exam stands for its secretary now. */
export type ExamStanding =
  | { kind: 'upcoming' }
  | { kind: 'resume'; attemptId: string }
  | { kind: 'open'; attemptsLeft: number | null }
  | { kind: 'used-up' }
  | { kind: 'closed' }

/** What a secretary can do with an exam now, given their own attempts at it. */
export function examStanding(exam: Exam, mine: readonly AttemptSummary[], now: number): ExamStanding {
  const running = mine.find((a) => a.examId === exam.id && a.status === 'in_progress' && Date.parse(a.deadline) > now)
  if (running) return { kind: 'resume', attemptId: running.id }
  if (now < Date.parse(exam.opensAt)) return { kind: 'upcoming' }
  if (now >= Date.parse(exam.closesAt)) return { kind: 'closed' }
  const left = exam.attemptsLeft ?? null
  if (left !== null && left <= 0) return { kind: 'used-up' }
  return { kind: 'open', attemptsLeft: left }
}

/** The best finished attempt of an exam among the caller's, or undefined. */
export function bestAttempt(examId: string, mine: readonly AttemptSummary[]): AttemptSummary | undefined {
  return mine
    .filter((a) => a.examId === examId && a.status !== 'in_progress' && a.score !== undefined)
    .reduce<AttemptSummary | undefined>((best, a) => (!best || a.score! > best.score! ? a : best), undefined)
}

/** A module's share of its points, 0–100, for the result's bars. */
export function modulePercent(m: { score: number; max: number }): number {
  return m.max > 0 ? Math.round((m.score / m.max) * 100) : 0
}

/** Whether an attempt's paper carries the right answers (after the window; practice once finished). */
export function keysShown(attempt: Pick<Attempt, 'questions'>): boolean {
  return attempt.questions.length > 0 && attempt.questions.every((q) => Array.isArray(q.answer))
}

/** Whether the given keys are exactly the right ones. */
export function isRight(given: readonly string[] | undefined, answer: readonly string[] | undefined): boolean {
  if (!given || !answer || given.length !== answer.length) return false
  return [...given].sort().join() === [...answer].sort().join()
}
