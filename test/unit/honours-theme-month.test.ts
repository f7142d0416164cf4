import type { Honour } from '@/api/contract/honour'
import { createHonourBodySchema } from '@/api/contract/honour'
import { blankDraft, checkHonourDraft } from '@/features/honours/lib/honour-form'
import { daysUntil, groupHonours, monthDayLabel, sortAgenda, themePhase, themeYearAt, yearChoices } from '@/features/honours/lib/theme-month'
import { createEvent } from '../support/events'

const at = (iso: string) => Date.parse(iso)
const user = { id: 'u-s01', name: '王建华', role: 'secretary' as const, town: '剑南街道', village: '城北社区', phone: '138****0001' }
const honour = (id: string, type: Honour['type']): Honour => ({ id, year: 2026, type, title: '岗位创新奖', recipient: user, citation: '事迹', awardedAt: '2026-03-20T10:00:00+08:00' })

describe('theme month dates', () => {
  it('should open on this year until March ends, then on the next year', () => {
    expect(themeYearAt(at('2026-11-28T10:00:00+08:00'))).toBe(2027)
    expect(themeYearAt(at('2027-03-31T23:59:00+08:00'))).toBe(2027)
    expect(themeYearAt(at('2027-04-01T00:00:00+08:00'))).toBe(2028)
    // 31 March 17:00 UTC is already 1 April in China.
    expect(themeYearAt(at('2027-03-31T17:00:00Z'))).toBe(2028)
    expect(yearChoices(at('2026-11-28T10:00:00+08:00'))).toEqual([2027, 2026, 2025])
  })

  it('should write the 春分 day as 3月21日', () => {
    expect(monthDayLabel('2027-03-21')).toBe('3月21日')
    expect(monthDayLabel('2026-03-20')).toBe('3月20日')
  })

  it('should count whole China-time days to the equinox', () => {
    expect(daysUntil('2027-03-21', at('2027-03-20T23:59:00+08:00'))).toBe(1)
    expect(daysUntil('2027-03-21', at('2027-03-20T16:30:00Z'))).toBe(0)
    expect(daysUntil('2027-03-21', at('2027-02-01T08:00:00+08:00'))).toBe(48)
  })

  it('should count down only in February and March, then recap after March', () => {
    expect(themePhase(2027, '2027-03-21', at('2026-11-28T10:00:00+08:00'))).toEqual({ kind: 'ahead' })
    expect(themePhase(2027, '2027-03-21', at('2027-01-31T10:00:00+08:00'))).toEqual({ kind: 'ahead' })
    expect(themePhase(2027, '2027-03-21', at('2027-02-01T10:00:00+08:00'))).toEqual({ kind: 'countdown', days: 48 })
    expect(themePhase(2027, '2027-03-21', at('2027-03-21T10:00:00+08:00'))).toEqual({ kind: 'equinox' })
    expect(themePhase(2027, '2027-03-21', at('2027-03-25T10:00:00+08:00'))).toEqual({ kind: 'running' })
    expect(themePhase(2027, '2027-03-21', at('2027-04-01T00:00:00+08:00'))).toEqual({ kind: 'over' })
    expect(themePhase(2026, '2026-03-20', at('2026-11-28T10:00:00+08:00'))).toEqual({ kind: 'over' })
  })

  it('should put the events of the 春分 day first, each group by start time', () => {
    const events = [
      createEvent({ id: 'a', startAt: '2027-03-05T09:00:00+08:00' }),
      createEvent({ id: 'b', startAt: '2027-03-21T14:00:00+08:00' }),
      createEvent({ id: 'c', startAt: '2027-03-21T09:00:00+08:00' }),
      createEvent({ id: 'd', startAt: '2027-03-02T09:00:00+08:00' }),
    ]
    expect(sortAgenda(events, '2027-03-21').map((e) => e.id)).toEqual(['c', 'b', 'd', 'a'])
  })
})

describe('honours wall', () => {
  it('should group honours in the order 岗位创新奖 · 优秀书记 · 技能比武 · 荣退, leaving out empty groups', () => {
    const groups = groupHonours([honour('1', 'retirement'), honour('2', 'innovation'), honour('3', 'innovation'), honour('4', 'excellent')])
    expect(groups.map((g) => [g.label, g.honours.length])).toEqual([
      ['岗位创新奖', 2],
      ['优秀书记', 1],
      ['荣退', 1],
    ])
    expect(groupHonours([honour('1', 'retirement'), honour('2', 'innovation')], 'retirement').map((g) => g.label)).toEqual(['荣退'])
  })
})

describe('honour form check', () => {
  it('should send 5000 for a 岗位创新奖 and pass the contract', () => {
    const { body, errors } = checkHonourDraft({ ...blankDraft(2027), recipient: user, citation: '带领村民发展猕猴桃产业，集体经济收入翻番。' })
    expect(errors).toEqual({})
    expect(body.amount).toBe(5000)
    expect(createHonourBodySchema.safeParse(body).success).toBe(true)
  })

  it('should name every missing field before sending', () => {
    const { errors } = checkHonourDraft({ ...blankDraft(2027), title: '', citation: '好' })
    expect(Object.keys(errors).sort()).toEqual(['citation', 'recipientId', 'title'])
    expect(errors.recipientId).toBe('请选择获奖人')
  })

  it('should refuse an amount that is not a number for other types', () => {
    const { errors } = checkHonourDraft({ ...blankDraft(2027), type: 'excellent', recipient: user, citation: '事迹突出，群众认可。', amount: 'abc' })
    expect(errors.amount).toBeTruthy()
  })
})
