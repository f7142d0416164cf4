import { blueprintTotal, examRuleErrors, questionRuleErrors } from '@/api/contract/exam'

const opts = (...texts: string[]) => texts.map((text, i) => ({ key: 'ABCDEF'[i] as 'A', text }))

describe('questionRuleErrors', () => {
  it('should take a single question with one key, a multiple with two or more, a judge of 正确/错误', () => {
    expect(questionRuleErrors({ kind: 'single', options: opts('三年', '五年'), answer: ['B'] })).toEqual({})
    expect(questionRuleErrors({ kind: 'multiple', options: opts('甲', '乙', '丙'), answer: ['A', 'C'] })).toEqual({})
    expect(questionRuleErrors({ kind: 'judge', options: opts('正确', '错误'), answer: ['A'] })).toEqual({})
  })

  it('should name what is wrong', () => {
    expect(questionRuleErrors({ kind: 'single', options: opts('甲', '乙'), answer: ['A', 'B'] }).answer).toBe('单选题只有一个答案')
    expect(questionRuleErrors({ kind: 'multiple', options: opts('甲', '乙'), answer: ['A'] }).answer).toBe('多选题至少两个正确选项')
    expect(questionRuleErrors({ kind: 'single', options: opts('甲', '乙'), answer: ['C'] }).answer).toBe('答案应是已有的选项')
    expect(questionRuleErrors({ kind: 'multiple', options: opts('甲', '乙', '丙'), answer: ['A', 'A'] }).answer).toBe('答案有重复的选项')
    expect(questionRuleErrors({ kind: 'judge', options: opts('对', '错'), answer: ['A'] }).options).toBe('判断题的选项应为 A 正确、B 错误')
    expect(questionRuleErrors({ kind: 'single', options: [{ key: 'B', text: '甲' }, { key: 'A', text: '乙' }], answer: ['A'] }).options).toBe('选项应依次为 A、B、C……')
  })
})

describe('examRuleErrors and blueprintTotal', () => {
  const exam = {
    purpose: 'qualification' as const,
    opensAt: '2027-03-01T09:00:00+08:00',
    closesAt: '2027-03-08T18:00:00+08:00',
    maxAttempts: 2,
    blueprint: [
      { module: '政策理论' as const, kind: 'single' as const, count: 30, points: 2.5 },
      { module: '法律法规' as const, kind: 'judge' as const, count: 10, points: 2.5 },
    ],
  }

  it('should add points exactly, halves included, and accept a blueprint of 100', () => {
    expect(blueprintTotal(exam.blueprint)).toBe(100)
    expect(blueprintTotal([{ count: 3, points: 33.33 }])).toBe(99.99)
    expect(examRuleErrors(exam)).toEqual({})
  })

  it('should refuse a total other than 100, a repeated line, a window the wrong way round and unlimited qualification attempts', () => {
    expect(examRuleErrors({ ...exam, blueprint: exam.blueprint.slice(0, 1) }).blueprint).toBe('各题分值合计应为 100 分（现在是 75 分）')
    expect(examRuleErrors({ ...exam, blueprint: [exam.blueprint[0], { ...exam.blueprint[0], count: 10 }] }).blueprint).toBe('同一模块和题型只能有一行')
    expect(examRuleErrors({ ...exam, closesAt: exam.opensAt }).closesAt).toBe('结束时间应晚于开始时间')
    expect(examRuleErrors({ ...exam, maxAttempts: null }).maxAttempts).toBe('资格测试应限定次数（1–5 次）')
    expect(examRuleErrors({ ...exam, purpose: 'practice', maxAttempts: null })).toEqual({})
  })
})
