import { SEED_QUESTIONS, type SeedQuestion } from '../../mock/seed-questions'

const MODULES: SeedQuestion['module'][] = ['政策理论', '法律法规', '乡村振兴', '村务实务']
const KEYS = 'ABCDEF'
// Character count (code points), so a CJK character counts as one.
const len = (s: string) => [...s].length

describe('seed question bank', () => {
  it('has at least 180 questions', () => {
    expect(SEED_QUESTIONS.length).toBeGreaterThanOrEqual(180)
  })

  it.each(MODULES)('module %s has at least 45 questions: 25 single, 8 multiple, 8 judge', (module) => {
    const mine = SEED_QUESTIONS.filter((q) => q.module === module)
    const count = (kind: SeedQuestion['kind']) => mine.filter((q) => q.kind === kind).length
    expect(mine.length).toBeGreaterThanOrEqual(45)
    expect(count('single')).toBeGreaterThanOrEqual(25)
    expect(count('multiple')).toBeGreaterThanOrEqual(8)
    expect(count('judge')).toBeGreaterThanOrEqual(8)
  })

  it('has stems of 2–500 characters, all different', () => {
    for (const q of SEED_QUESTIONS) {
      expect(len(q.stem.trim())).toBeGreaterThanOrEqual(2)
      expect(len(q.stem)).toBeLessThanOrEqual(500)
    }
    const stems = SEED_QUESTIONS.map((q) => q.stem.trim())
    expect(new Set(stems).size).toBe(stems.length)
  })

  it('follows the option rules of each kind', () => {
    for (const q of SEED_QUESTIONS) {
      if (q.kind === 'judge') {
        expect(q.options).toEqual(['正确', '错误'])
        continue
      }
      expect(q.options.length).toBeGreaterThanOrEqual(2)
      expect(q.options.length).toBeLessThanOrEqual(6)
      for (const option of q.options) {
        expect(len(option.trim())).toBeGreaterThanOrEqual(1)
        expect(len(option)).toBeLessThanOrEqual(200)
      }
      expect(new Set(q.options).size).toBe(q.options.length)
    }
  })

  it('has answer keys valid for the options: one for single/judge, two or more sorted for multiple', () => {
    for (const q of SEED_QUESTIONS) {
      const valid = KEYS.slice(0, q.options.length).split('')
      for (const key of q.answer) expect(valid).toContain(key)
      expect(new Set(q.answer).size).toBe(q.answer.length)
      if (q.kind === 'multiple') {
        expect(q.answer.length).toBeGreaterThanOrEqual(2)
        expect(q.answer).toEqual([...q.answer].sort())
      } else {
        expect(q.answer).toHaveLength(1)
      }
    }
  })

  it('has explanations of at most 500 characters and difficulties 1–3', () => {
    for (const q of SEED_QUESTIONS) {
      expect(len(q.explanation.trim())).toBeGreaterThan(0)
      expect(len(q.explanation)).toBeLessThanOrEqual(500)
      expect([1, 2, 3]).toContain(q.difficulty)
    }
  })
})
