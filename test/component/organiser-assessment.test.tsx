import { render, screen, within } from '@testing-library/react'
import type { Assessment, RankingRow } from '@/api/contract/score'
import { getAssessment } from '@/api/scores'
import { AssessmentRanking } from '@/features/scores/components/assessment-ranking'

jest.mock('@/api/scores')
const mockedGet = jest.mocked(getAssessment)

/** A ranking row of a secretary, with overrides. */
function createRow(rank: number, name: string, overrides: Partial<RankingRow> = {}): RankingRow {
  return {
    rank,
    user: { id: `u-s0${rank}`, name, role: 'secretary', town: '汉旺镇', village: '武都村', phone: '13800000001' },
    commitment: 90 - rank,
    quarterly: 85,
    attendance: 100,
    total: 91 - rank,
    flagged: false,
    ...overrides,
  }
}

const ASSESSMENT: Assessment = {
  formula: { weights: { commitment: 0.5, quarterly: 0.3, attendance: 0.2 }, bottomFlagged: 1 },
  ranking: [createRow(1, '周家兴'), createRow(2, '陈世荣'), createRow(3, '何德明', { flagged: true })],
  final: true,
}

beforeEach(() => {
  jest.resetAllMocks()
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2027-05-10T10:00:00+08:00'))
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('AssessmentRanking (年度考核)', () => {
  it('should show the formula the server used in words and mark only the flagged rows', async () => {
    mockedGet.mockResolvedValue(ASSESSMENT)
    render(<AssessmentRanking />)
    expect(await screen.findByText('周家兴')).toBeTruthy()
    expect(screen.getByText(/总分 = 承诺完成度 × 50% \+ 季度评分平均 × 30% \+ 出勤率 × 20%；排名最后 1 名列入审计和巡察/)).toBeTruthy()
    expect(screen.getAllByText('审计+巡察')).toHaveLength(1)
    const flagged = screen.getByText('何德明').closest('.sc-rank') as HTMLElement
    expect(within(flagged).getByText('审计+巡察')).toBeTruthy()
    expect(within(flagged).getByText('承诺 87 · 季度 85 · 出勤 100')).toBeTruthy()
    expect(screen.queryByText('本年度尚未结束，排名为暂定。')).toBeNull()
    expect(mockedGet).toHaveBeenCalledWith(2027)
  })

  it('should say a ranking of a running year is provisional', async () => {
    mockedGet.mockResolvedValue({ ...ASSESSMENT, final: false })
    render(<AssessmentRanking />)
    expect(await screen.findByText('本年度尚未结束，排名为暂定。')).toBeTruthy()
  })

  it('should say so when nobody can be ranked yet', async () => {
    mockedGet.mockResolvedValue({ ...ASSESSMENT, ranking: [] })
    render(<AssessmentRanking />)
    expect(await screen.findByText('还没有可排名的书记')).toBeTruthy()
  })
})
