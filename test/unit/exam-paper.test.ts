import type { AttemptSummary, Exam, PaperQuestion } from '@/api/contract/exam'
import { bestAttempt, examStanding, formatCountdown, isRight, mergeAnswers, remainingMs, submitSummary, toggleChoice, unansweredNumbers } from '@/features/exams/lib/paper'

// The rules of taking an exam on the phone (features/exams/lib/paper.ts).

const q = (id: string, kind: PaperQuestion['kind'] = 'single'): PaperQuestion => ({
  id,
  module: '法律法规',
  kind,
  stem: `题 ${id}`,
  options: [
    { key: 'A', text: '甲' },
    { key: 'B', text: '乙' },
    { key: 'C', text: '丙' },
  ],
  points: 5,
})

const NOW = Date.parse('2026-12-05T10:00:00+08:00')
const exam = (overrides: Partial<Exam> = {}): Exam => ({
  id: 'exam-1',
  title: '任职资格测试',
  purpose: 'qualification',
  opensAt: '2026-12-01T09:00:00+08:00',
  closesAt: '2026-12-10T18:00:00+08:00',
  durationMinutes: 60,
  passScore: 60,
  maxAttempts: 2,
  blueprint: [],
  audience: { towns: [] },
  status: 'published',
  myAttempts: 0,
  attemptsLeft: 2,
  ...overrides,
})
const summary = (overrides: Partial<AttemptSummary>): AttemptSummary => ({
  id: 'att-1',
  examId: 'exam-1',
  startedAt: '2026-12-05T09:30:00+08:00',
  deadline: '2026-12-05T10:30:00+08:00',
  status: 'in_progress',
  leftApp: 0,
  ...overrides,
})

describe('choosing', () => {
  it('should keep one key for single and judge questions, and a second tap clears it', () => {
    expect(toggleChoice('single', ['A'], 'B')).toEqual(['B'])
    expect(toggleChoice('judge', ['A'], 'A')).toEqual([])
  })
  it('should toggle keys of a multiple-choice question, kept in A–F order', () => {
    expect(toggleChoice('multiple', ['C'], 'A')).toEqual(['A', 'C'])
    expect(toggleChoice('multiple', ['A', 'C'], 'C')).toEqual(['A'])
  })
})

describe('answers on the phone and on the server', () => {
  it('should put unsent choices over the saved ones, an empty one clearing it', () => {
    expect(mergeAnswers({ q1: ['A'], q2: ['B'] }, { q2: [], q3: ['C'] })).toEqual({ q1: ['A'], q3: ['C'] })
    expect(mergeAnswers({ q1: ['A'] }, undefined)).toEqual({ q1: ['A'] })
  })
  it('should name the unanswered questions in 交卷 summary', () => {
    const paper = [q('1'), q('2'), q('3')]
    expect(unansweredNumbers(paper, { '2': ['A'] })).toEqual([1, 3])
    expect(submitSummary(paper, { '2': ['A'] })).toBe('还有 2 题未答：第 1、3 题。未答的题不得分。交卷后不能再修改。')
    expect(submitSummary(paper, { '1': ['A'], '2': ['A'], '3': ['B'] })).toBe('3 题都已作答。交卷后不能再修改。')
    const many = Array.from({ length: 12 }, (_, i) => q(String(i)))
    expect(submitSummary(many, {})).toContain('第 1、2、3、4、5、6、7、8、9、10 等 题')
  })
  it('should score only the exact key set as right', () => {
    expect(isRight(['C', 'A'], ['A', 'C'])).toBe(true)
    expect(isRight(['A'], ['A', 'C'])).toBe(false)
    expect(isRight(undefined, ['A'])).toBe(false)
  })
})

describe('the countdown', () => {
  it("should count to the server's deadline and never below zero", () => {
    expect(remainingMs('2026-12-05T10:30:00+08:00', NOW)).toBe(30 * 60_000)
    expect(remainingMs('2026-12-05T09:00:00+08:00', NOW)).toBe(0)
  })
  it('should show MM:SS, and H:MM:SS from an hour on', () => {
    expect(formatCountdown(30 * 60_000)).toBe('30:00')
    expect(formatCountdown(61_500)).toBe('01:02')
    expect(formatCountdown(3_725_000)).toBe('1:02:05')
  })
})

describe('what an exam offers now', () => {
  it('should resume an attempt in progress before anything else', () => {
    expect(examStanding(exam({ attemptsLeft: 0 }), [summary({})], NOW)).toEqual({ kind: 'resume', attemptId: 'att-1' })
  })
  it('should say upcoming, open with attempts left, used up, or closed', () => {
    expect(examStanding(exam({ opensAt: '2026-12-06T09:00:00+08:00' }), [], NOW).kind).toBe('upcoming')
    expect(examStanding(exam(), [], NOW)).toEqual({ kind: 'open', attemptsLeft: 2 })
    expect(examStanding(exam({ purpose: 'practice', maxAttempts: null, attemptsLeft: null }), [], NOW)).toEqual({ kind: 'open', attemptsLeft: null })
    expect(examStanding(exam({ attemptsLeft: 0 }), [summary({ status: 'submitted', score: 40 })], NOW).kind).toBe('used-up')
    expect(examStanding(exam({ closesAt: '2026-12-05T09:00:00+08:00' }), [], NOW).kind).toBe('closed')
  })
  it('should pick the best finished attempt', () => {
    const mine = [summary({ id: 'a', status: 'submitted', score: 55 }), summary({ id: 'b', status: 'expired', score: 72 }), summary({ id: 'c' })]
    expect(bestAttempt('exam-1', mine)?.id).toBe('b')
    expect(bestAttempt('exam-2', mine)).toBeUndefined()
  })
})
