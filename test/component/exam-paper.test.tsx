import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { Attempt } from '@/api/contract/exam'
import { saveAnswers, startAttempt, submitAttempt } from '@/api/exams'
import { useAnswersStore } from '@/features/exams/answers-store'
import { ExamPaper } from '@/features/exams/components/exam-paper'
import { forgetKeyedAttempts } from '../support/attempts'

// 答题: one question per screen, answers saved as chosen (and kept on the phone offline), 交卷 with
// the summary of unanswered questions.

jest.mock('@/api/exams')
const mockedStart = jest.mocked(startAttempt)
const mockedSave = jest.mocked(saveAnswers)
const mockedSubmit = jest.mocked(submitAttempt)

const ATTEMPT: Attempt = {
  id: 'att-9',
  examId: 'exam-1',
  startedAt: new Date(Date.now()).toISOString(),
  deadline: new Date(Date.now() + 60 * 60_000).toISOString(),
  status: 'in_progress',
  questions: [
    { id: 'q1', module: '法律法规', kind: 'single', stem: '村民委员会每届任期几年？', options: [{ key: 'A', text: '三年' }, { key: 'B', text: '五年' }], points: 50 },
    { id: 'q2', module: '村务实务', kind: 'multiple', stem: '村务公开包括哪些？', options: [{ key: 'A', text: '财务' }, { key: 'B', text: '低保' }, { key: 'C', text: '宅基地' }], points: 50 },
  ],
  answers: {},
  leftApp: 0,
}

const option = (name: RegExp) => screen.getByRole('radio', { name })

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  Taro.clearStorageSync()
  useAnswersStore.setState({ drafts: {} })
  mockedStart.mockResolvedValue({ ...ATTEMPT })
})

async function openPaper() {
  render(<ExamPaper examId='exam-1' />)
  expect(await screen.findByText('村民委员会每届任期几年？')).toBeTruthy()
}

describe('ExamPaper', () => {
  it('should keep a chosen answer shown once the server has saved it, and move between questions', async () => {
    mockedSave.mockImplementation(async (_id, answers) => ({ ...ATTEMPT, answers }))
    await openPaper()
    await act(async () => fireEvent.click(option(/五年/)))
    expect(mockedSave).toHaveBeenCalledWith('att-9', { q1: ['B'] }, expect.any(String))
    expect(screen.getByRole('radio', { name: /五年/ }).getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('答案已保存')).toBeTruthy()
    fireEvent.click(screen.getByText('下一题'))
    expect(screen.getByText('村务公开包括哪些？')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('checkbox', { name: /财务/ })))
    await act(async () => fireEvent.click(screen.getByRole('checkbox', { name: /宅基地/ })))
    expect(screen.getByRole('checkbox', { name: /财务/ }).getAttribute('aria-checked')).toBe('true')
    expect(screen.getByRole('checkbox', { name: /宅基地/ }).getAttribute('aria-checked')).toBe('true')
  })

  it('should say an answer is kept on the phone when offline, and not hand in until it is sent', async () => {
    mockedSave.mockRejectedValue(new ApiError({ kind: 'network' }))
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    await openPaper()
    await act(async () => fireEvent.click(option(/三年/)))
    expect(screen.getByText('离线：答案已存在手机上，联网后自动上传')).toBeTruthy()
    expect(screen.getByRole('radio', { name: /三年/ }).getAttribute('aria-checked')).toBe('true')
    expect(useAnswersStore.getState().drafts['att-9'].answers).toEqual({ q1: ['A'] })
    await act(async () => fireEvent.click(screen.getByText('交卷')))
    expect(modal.mock.calls[0][0]).toMatchObject({ content: '还有 1 题未答：第 2 题。未答的题不得分。交卷后不能再修改。' })
    expect(modal.mock.calls[1][0]).toMatchObject({ title: '暂时不能交卷' })
    expect(mockedSubmit).not.toHaveBeenCalled()
  })
})
