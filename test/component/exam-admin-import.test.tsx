import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import type { Question } from '@/api/contract/exam'
import { importQuestions, listQuestions } from '@/api/exams'
import { QuestionBank } from '@/features/exam-admin/components/question-bank'
import { pickCsvText } from '@/features/exam-admin/platform/pick-csv'
import { useSessionStore } from '@/stores/session-store'

jest.mock('@/api/exams')
jest.mock('@/features/exam-admin/platform/pick-csv')
const mockedList = jest.mocked(listQuestions)
const mockedImport = jest.mocked(importQuestions)
const mockedPick = jest.mocked(pickCsvText)

const question = (i: number): Question => ({
  id: `q-${i}`,
  module: '政策理论',
  kind: 'single',
  stem: `第 ${i} 道题的题干`,
  options: [
    { key: 'A', text: '甲' },
    { key: 'B', text: '乙' },
  ],
  answer: ['A'],
  difficulty: 1,
})
const CITY = { id: 'u-o1', name: '市组织', role: 'organiser' as const, town: '剑南街道', phone: '13900000001', scope: { towns: [] } }
const CSV = '模块,题型,题干,A,B,C,D,E,F,答案,解析,难度\n政策理论,单选,题干一,甲,乙,,,,,A,,1\n'

beforeEach(() => {
  jest.resetAllMocks()
  useSessionStore.setState({ token: 'tok', user: CITY })
  mockedList.mockImplementation(async ({ page = 1 }) => ({ items: Array.from({ length: page === 1 ? 20 : 5 }, (_, i) => question((page - 1) * 20 + i)), total: 25, page, pageSize: 20 }))
})

describe('QuestionBank (题库) and 导入 CSV', () => {
  it('should show the expected header and list the wrong lines when the import fails', async () => {
    mockedPick.mockResolvedValue(CSV)
    mockedImport.mockRejectedValue(
      new ApiError({
        kind: 'http',
        status: 400,
        code: 'IMPORT_FAILED',
        message: '文件里有几行不对，没有导入任何题目。请按下面的提示改正后重新导入。',
        lineErrors: [
          { line: 2, message: '题型应为单选、多选或判断' },
          { line: 5, message: '答案应是已有的选项' },
        ],
      }),
    )
    render(<QuestionBank />)
    await screen.findByText('第 0 道题的题干')
    expect(screen.getByText('模块,题型,题干,A,B,C,D,E,F,答案,解析,难度')).toBeTruthy()
    fireEvent.click(screen.getByText('选择 CSV 文件导入'))
    const lines = await screen.findByRole('list', { name: '有问题的行' })
    expect(within(lines).getAllByRole('listitem').map((l) => l.textContent)).toEqual(['第 2 行：题型应为单选、多选或判断', '第 5 行：答案应是已有的选项'])
    expect(screen.getByText(/没有导入任何题目/)).toBeTruthy()
    expect(mockedImport).toHaveBeenCalledWith(CSV, expect.any(String))
  })

  it('should say how many were imported and reload the list', async () => {
    mockedPick.mockResolvedValue(CSV)
    mockedImport.mockResolvedValue({ created: 12, errors: [] })
    render(<QuestionBank />)
    await screen.findByText('第 0 道题的题干')
    fireEvent.click(screen.getByText('选择 CSV 文件导入'))
    expect(await screen.findByText('已导入 12 道题')).toBeTruthy()
    await waitFor(() => expect(mockedList).toHaveBeenCalledTimes(2))
  })

  it('should page 20 at a time with 加载更多 and filter by module', async () => {
    render(<QuestionBank />)
    await screen.findByText('第 0 道题的题干')
    expect(screen.getByText('共 25 道题')).toBeTruthy()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('第 24 道题的题干')).toBeTruthy()
    expect(screen.queryByText('加载更多')).toBeNull()
    fireEvent.click(screen.getByText('法律法规'))
    await waitFor(() => expect(mockedList).toHaveBeenLastCalledWith({ module: '法律法规', q: undefined, page: 1 }))
  })

  it('should tell a town organiser the bank is the city\'s', async () => {
    useSessionStore.setState({ token: 'tok', user: { ...CITY, id: 'u-o2', scope: { towns: ['孝德镇'] } } })
    render(<QuestionBank />)
    expect(screen.getByText('题库由市委组织部维护')).toBeTruthy()
    expect(mockedList).not.toHaveBeenCalled()
  })
})
