import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import type { QuarterScoreRow } from '@/api/contract/score'
import { getQuarterScores, saveQuarterScore } from '@/api/scores'
import { QuarterScores } from '@/features/scores/components/quarter-scores'
import { type } from './commitments-fixtures'

jest.mock('@/api/scores')
const mockedGet = jest.mocked(getQuarterScores)
const mockedSave = jest.mocked(saveQuarterScore)

/** A secretary of 汉旺镇 without a score yet, with overrides. */
function createRow(id: string, name: string, overrides: Partial<QuarterScoreRow> = {}): QuarterScoreRow {
  return { user: { id, name, role: 'secretary', town: '汉旺镇', village: '武都村', phone: '13800000001' }, score: null, ...overrides }
}

const card = (name: string) => screen.getByLabelText(name)

beforeEach(() => {
  jest.resetAllMocks()
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2027-05-10T10:00:00+08:00'))
  mockedGet.mockResolvedValue({ items: [createRow('u-s01', '王建国'), createRow('u-s02', '李秀英', { score: 90, comment: '好' })], total: 2, page: 1, pageSize: 100 })
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('QuarterScores (季度评分)', () => {
  it('should load the chosen town and quarter, showing scores already entered', async () => {
    render(<QuarterScores defaultTown='汉旺镇' />)
    expect(await screen.findByText('王建国')).toBeTruthy()
    expect(mockedGet).toHaveBeenCalledWith(2027, 2, '汉旺镇')
    expect(within(card('李秀英')).getByText('已保存')).toBeTruthy()
    expect(within(card('王建国')).queryByText('已保存')).toBeNull()
    fireEvent.click(screen.getByText('第1季度'))
    await waitFor(() => expect(mockedGet).toHaveBeenLastCalledWith(2027, 1, '汉旺镇'))
  })

  it('should check a score inline before saving it', async () => {
    render(<QuarterScores defaultTown='汉旺镇' />)
    await screen.findByText('王建国')
    fireEvent.click(within(card('王建国')).getByText('保存'))
    expect(await within(card('王建国')).findByText('请填写 0–100 的分数')).toBeTruthy()
    await type('王建国的分数', '101')
    fireEvent.click(within(card('王建国')).getByText('保存'))
    expect(await within(card('王建国')).findByText('分数应在 0–100 之间')).toBeTruthy()
    await type('王建国的分数', '85.3')
    fireEvent.click(within(card('王建国')).getByText('保存'))
    expect(await within(card('王建国')).findByText('分数以 0.5 为单位')).toBeTruthy()
    expect(mockedSave).not.toHaveBeenCalled()
  })

  it('should save one secretary at a time and mark each row saved or failed on its own', async () => {
    mockedSave
      .mockResolvedValueOnce({ year: 2027, quarter: 2, userId: 'u-s01', score: 85.5, comment: '推进有力', updatedAt: '2027-05-10T10:00:00+08:00' })
      .mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    render(<QuarterScores defaultTown='汉旺镇' />)
    await screen.findByText('王建国')
    await type('王建国的分数', '85.5')
    await type('王建国的评语', '推进有力')
    fireEvent.click(within(card('王建国')).getByText('保存'))
    expect(await within(card('王建国')).findByText('已保存')).toBeTruthy()
    expect(mockedSave).toHaveBeenCalledWith(2027, 2, 'u-s01', { score: 85.5, comment: '推进有力' }, expect.any(String))

    await type('李秀英的分数', '92')
    fireEvent.click(within(card('李秀英')).getByText('保存'))
    expect(await within(card('李秀英')).findByText(/保存失败：网络连接失败/)).toBeTruthy()
    expect(within(card('王建国')).getByText('已保存')).toBeTruthy()
    expect(mockedSave).toHaveBeenCalledTimes(2)
  })
})
