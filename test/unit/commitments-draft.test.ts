import { createDraftItem, errorSummary, mergeFieldErrors, moveItem, saveBodyOf, saveErrors, submitErrors } from '@/features/commitments/lib/draft'
import { isFutureQuarter, percentOfTarget } from '@/features/commitments/lib/china-date'

describe('commitment draft helpers', () => {
  it('should send only the fields filled in, trimmed, with a metric only when both parts are there', () => {
    const body = saveBodyOf([
      createDraftItem({ id: 'it-1', category: '集体经济', title: ' 壮大集体经济 ', target: '', metricUnit: '万元', metricTarget: '20', dueQuarter: 4 }),
      createDraftItem({ title: '修路', metricUnit: '公里', metricTarget: '' }),
    ])
    expect(body).toEqual({
      items: [
        { id: 'it-1', category: '集体经济', title: '壮大集体经济', metric: { unit: '万元', targetValue: 20 }, dueQuarter: 4 },
        { title: '修路' },
      ],
    })
  })

  it('should let an unfinished draft be saved but explain every gap before 提交', () => {
    const items = [createDraftItem({ title: '壮大集体经济' })]
    expect(saveErrors(items).items).toEqual({})
    expect(errorSummary(submitErrors(items))).toEqual(['至少填写 3 项承诺', '第 1 项：请选择类别、请填写可衡量的目标、请选择完成季度'])
  })

  it('should refuse a one-character title and a half-filled metric even for 保存草稿', () => {
    const errors = saveErrors([createDraftItem({ title: '路', metricUnit: '', metricTarget: '3' })])
    expect(errors.items[0]).toEqual({ title: '标题应为 2–60 个字', metric: '请填写指标单位，或把目标值也清空' })
  })

  it('should put server fields onto items and sheet-wide messages on the sheet', () => {
    const errors = mergeFieldErrors({ items: {} }, { items: '至少填写 3 项承诺', 'items.2.title': '请填写标题', 'items.0.metric.unit': '单位过长' })
    expect(errors.sheet).toBe('至少填写 3 项承诺')
    expect(errors.items[2]).toEqual({ title: '请填写标题' })
    expect(errors.items[0]).toEqual({ metric: '单位过长' })
  })

  it('should move items up and down but not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })

  it('should turn a metric value into a percent clamped to 0–100', () => {
    expect(percentOfTarget(5, 20)).toBe(25)
    expect(percentOfTarget(30, 20)).toBe(100)
    expect(percentOfTarget(1, 3)).toBe(33.3)
    expect(percentOfTarget(-1, 3)).toBe(0)
  })

  it('should tell a quarter that has not started in China time', () => {
    // 2027-03-31 16:30 UTC is already 1 April (the second quarter) in China.
    const now = Date.parse('2027-03-31T16:30:00Z')
    expect(isFutureQuarter(2027, 2, now)).toBe(false)
    expect(isFutureQuarter(2027, 3, now)).toBe(true)
    expect(isFutureQuarter(2026, 4, now)).toBe(false)
    expect(isFutureQuarter(2028, 1, now)).toBe(true)
  })
})
