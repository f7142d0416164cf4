import fc from 'fast-check'
import {
  ASSESSMENT_FORMULA,
  assessmentParts,
  formulaInWords,
  rankAssessment,
  type AssessmentInput,
} from '@/api/contract/assessment'
import type { User } from '@/api/contract/auth'
import type { AssessmentFormula } from '@/api/contract/score'
import { rankingRowSchema } from '@/api/contract/score'

const user = (id: string): User => ({ id, name: `书记${id}`, role: 'secretary', town: '孝德镇', phone: '13800000001' })
const input = (id: string, commitment: number | null, quarterly: number | null, attendance: number | null): AssessmentInput => ({
  user: user(id),
  commitment,
  quarterly,
  attendance,
})

// A part as the mock may hand it: anything 0–100, or no data.
const partArb = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null })
// Coarse parts make ties (same total, same commitment) frequent, so the tie rule is exercised.
const coarsePartArb = fc.option(fc.integer({ min: 0, max: 4 }).map((n) => n * 25), { nil: null })
const inputsArb = (parts: fc.Arbitrary<number | null>) =>
  fc
    .uniqueArray(fc.stringMatching(/^u-[a-z0-9]{1,6}$/), { minLength: 0, maxLength: 60 })
    .chain((ids) => fc.tuple(...ids.map((id) => fc.tuple(parts, parts, parts).map(([c, q, a]) => input(id, c, q, a)))))
const formulaArb: fc.Arbitrary<AssessmentFormula> = fc
  .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 8 }))
  .filter(([a, b]) => a + b <= 10)
  .map(([a, b, flagged]) => ({ weights: { commitment: a / 10, quarterly: b / 10, attendance: (10 - a - b) / 10 }, bottomFlagged: flagged }))

describe('the assessment formula', () => {
  it('should weigh commitment 40%, quarterly 40%, attendance 20% and flag the last 3', () => {
    expect(ASSESSMENT_FORMULA).toEqual({ weights: { commitment: 0.4, quarterly: 0.4, attendance: 0.2 }, bottomFlagged: 3 })
    const { commitment, quarterly, attendance } = ASSESSMENT_FORMULA.weights
    expect(commitment + quarterly + attendance).toBeCloseTo(1, 10)
  })

  it('should put the formula into one plain Chinese sentence', () => {
    expect(formulaInWords(ASSESSMENT_FORMULA)).toBe('总分 = 承诺完成度 × 40% + 季度评分平均 × 40% + 出勤率 × 20%；排名最后 3 名列入审计和巡察')
    expect(formulaInWords({ weights: { commitment: 0.5, quarterly: 0.3, attendance: 0.2 }, bottomFlagged: 5 })).toContain('承诺完成度 × 50%')
  })
})

describe('rankAssessment', () => {
  it('should compute the weighted total with one decimal and count missing parts as 0', () => {
    const [a, b] = rankAssessment([input('u-s01', 80, 90, 75), input('u-s02', null, 88.26, null)])
    expect(a).toMatchObject({ rank: 1, commitment: 80, quarterly: 90, attendance: 75, total: 83 })
    expect(b).toMatchObject({ rank: 2, commitment: 0, quarterly: 88.3, attendance: 0, total: 35.3 })
  })

  it('should break a tie of totals by commitment, then by user id', () => {
    // 50/50/50 and 60/40/50 have the same total 50; the higher commitment ranks first.
    const rows = rankAssessment([input('u-s03', 50, 50, 50), input('u-s02', 50, 50, 50), input('u-s09', 60, 40, 50)])
    expect(rows.map((r) => [r.rank, r.user.id, r.total])).toEqual([
      [1, 'u-s09', 50],
      [2, 'u-s02', 50],
      [3, 'u-s03', 50],
    ])
  })

  it('should flag every row when there are fewer rows than bottomFlagged, and none when empty', () => {
    expect(rankAssessment([input('u-s01', 90, 90, 90), input('u-s02', 10, 10, 10)]).map((r) => r.flagged)).toEqual([true, true])
    expect(rankAssessment([])).toEqual([])
  })

  it('should keep every property for any inputs: sorted by total, ranks 1..N with the tie rule, the last bottomFlagged flagged, totals 0–100', () => {
    fc.assert(
      fc.property(fc.oneof(inputsArb(partArb), inputsArb(coarsePartArb)), formulaArb, (inputs, formula) => {
        const rows = rankAssessment(inputs, formula)
        expect(rows).toHaveLength(inputs.length)
        expect(rows.map((r) => r.rank)).toEqual(inputs.map((_, i) => i + 1))
        expect(new Set(rows.map((r) => r.user.id)).size).toBe(inputs.length)
        for (const row of rows) {
          expect(rankingRowSchema.safeParse(row).success).toBe(true)
          expect(row.total).toBeGreaterThanOrEqual(0)
          expect(row.total).toBeLessThanOrEqual(100)
          expect(Math.round(row.total * 10)).toBeCloseTo(row.total * 10, 6)
        }
        for (let i = 1; i < rows.length; i += 1) {
          const [prev, next] = [rows[i - 1], rows[i]]
          expect(prev.total).toBeGreaterThanOrEqual(next.total)
          if (prev.total === next.total) {
            expect(prev.commitment).toBeGreaterThanOrEqual(next.commitment)
            if (prev.commitment === next.commitment) expect(prev.user.id < next.user.id).toBe(true)
          }
        }
        const flagged = rows.filter((r) => r.flagged)
        expect(flagged).toHaveLength(Math.min(formula.bottomFlagged, inputs.length))
        expect(flagged).toEqual(rows.slice(rows.length - flagged.length))
      }),
      { numRuns: 300 },
    )
  })

  it('should rank the same way whatever order the inputs come in', () => {
    fc.assert(
      fc.property(inputsArb(coarsePartArb).chain((inputs) => fc.tuple(fc.constant(inputs), fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }))), ([inputs, shuffled]) => {
        expect(rankAssessment(shuffled)).toEqual(rankAssessment(inputs))
      }),
      { numRuns: 200 },
    )
  })
})

describe('assessmentParts', () => {
  it('should take the completion of an approved sheet, the mean quarterly score and the attendance rate × 100', () => {
    expect(
      assessmentParts({ sheet: { status: 'approved', completion: 72.5 }, quarterScores: [80, 85, 90], attendance: { present: 2, late: 1, absent: 1 } }),
    ).toEqual({ commitment: 72.5, quarterly: 85, attendance: 75 })
  })

  it('should count a sheet that is not approved, no scores and no counted attendance as 0', () => {
    for (const status of ['draft', 'submitted', 'returned']) {
      expect(assessmentParts({ sheet: { status, completion: 60 }, quarterScores: [], attendance: { present: 0, late: 0, absent: 0 } })).toEqual({
        commitment: 0,
        quarterly: 0,
        attendance: 0,
      })
    }
    expect(assessmentParts({ quarterScores: [70], attendance: { present: 0, late: 0, absent: 3 } })).toEqual({ commitment: 0, quarterly: 70, attendance: 0 })
  })
})
