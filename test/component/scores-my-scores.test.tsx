import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import { getMyScores } from '@/api/scores'
import { MyScores } from '@/features/scores/components/my-scores'

jest.mock('@/api/scores')
const mockedGet = jest.mocked(getMyScores)

beforeEach(() => {
  jest.resetAllMocks()
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2027-05-10T10:00:00+08:00'))
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('MyScores (考核)', () => {
  it('should list every change of my scores, newest first, with who made it and from what to what', async () => {
    mockedGet.mockResolvedValue({
      quarters: [{ quarter: 1, score: 85.5 }],
      assessment: null,
      history: [
        { at: '2027-04-02T10:00:00+08:00', by: { name: '周敏' }, quarter: 1, from: 80, to: 85.5 },
        { at: '2027-04-01T09:00:00+08:00', by: { name: '周敏' }, quarter: 1, from: null, to: 80 },
      ],
    })
    render(<MyScores />)
    expect(await screen.findByText('评分记录')).toBeTruthy()
    expect(screen.getByText('80 → 85.5 分')).toBeTruthy()
    expect(screen.getByText('录入 80 分')).toBeTruthy()
    expect(screen.getAllByText(/周敏/)).toHaveLength(2)
  })

  it('should show the quarters scored so far with comments, 未评分 for the rest, and no result before the year ends', async () => {
    mockedGet.mockResolvedValue({ quarters: [{ quarter: 1, score: 88.5, comment: '集体经济项目推进扎实' }], assessment: null })
    render(<MyScores />)
    expect(await screen.findByText('88.5 分')).toBeTruthy()
    expect(screen.getByText('集体经济项目推进扎实')).toBeTruthy()
    expect(screen.getAllByText('未评分')).toHaveLength(3)
    expect(screen.getByText(/2027 年的年度考核在年底后公布/)).toBeTruthy()
    expect(screen.getByText(/总分 = 承诺完成度 × 40% \+ 季度评分平均 × 40% \+ 出勤率 × 20%/)).toBeTruthy()
    expect(mockedGet).toHaveBeenCalledWith(2027)
  })

  it('should state a flagged result factually, with what 审计 and 巡察 mean, and no list of others', async () => {
    mockedGet.mockResolvedValue({
      quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, score: 70 })),
      assessment: { total: 61.2, rank: 39, of: 40, parts: { commitment: 55, quarterly: 70, attendance: 56 }, flagged: true },
    })
    render(<MyScores />)
    fireEvent.click(await screen.findByText('2026 年'))
    await waitFor(() => expect(mockedGet).toHaveBeenLastCalledWith(2026))
    expect(await screen.findByText('第 39 名 / 共 40 人')).toBeTruthy()
    expect(screen.getByText('61.2')).toBeTruthy()
    expect(screen.getByText('55')).toBeTruthy()
    expect(screen.getByText('列入末位审计和巡察')).toBeTruthy()
    expect(screen.getByText(/最后 3 名的书记列入审计和巡察，您在其中。.*审计和巡察.*这不是处分/)).toBeTruthy()
  })

  it('should not mention 审计 to a secretary who is not flagged', async () => {
    mockedGet.mockResolvedValue({ quarters: [], assessment: { total: 90, rank: 2, of: 40, parts: { commitment: 90, quarterly: 90, attendance: 90 }, flagged: false } })
    render(<MyScores />)
    expect(await screen.findByText('第 2 名 / 共 40 人')).toBeTruthy()
    expect(screen.queryByText('列入末位审计和巡察')).toBeNull()
  })

  it('should say what went wrong and load again on 重试', async () => {
    mockedGet.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce({ quarters: [], assessment: null })
    render(<MyScores />)
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findAllByText('未评分')).toHaveLength(4)
  })
})
