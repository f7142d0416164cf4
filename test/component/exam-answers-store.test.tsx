import { ApiError } from '@/api/api-error'
import type { Attempt } from '@/api/contract/exam'
import { saveAnswers } from '@/api/exams'
import { useAnswersStore } from '@/features/exams/answers-store'
import { forgetKeyedAttempts } from '../support/attempts'

// Answers chosen while taking an exam: kept on the phone until the server has them (a closed app or
// a dropped signal loses nothing), and sent again under the same Idempotency-Key.

jest.mock('@/api/exams')
const mockedSave = jest.mocked(saveAnswers)

const attempt = (answers: Record<string, string[]>): Attempt => ({
  id: 'att-1',
  examId: 'exam-1',
  startedAt: '2026-12-05T09:30:00+08:00',
  deadline: '2026-12-05T10:30:00+08:00',
  status: 'in_progress',
  questions: [],
  answers,
  leftApp: 0,
})

/** Forgets the in-memory state as a closed app would, then reads storage back. */
async function reload() {
  const stored = localStorage.getItem('zst-exam-answers')
  useAnswersStore.setState({ drafts: {} })
  if (stored) localStorage.setItem('zst-exam-answers', stored)
  await useAnswersStore.persist.rehydrate()
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  localStorage.clear()
  useAnswersStore.setState({ drafts: {} })
})

describe('useAnswersStore', () => {
  it('should keep choices through a failed send and a closed app, and resend them with the same key', async () => {
    mockedSave.mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    useAnswersStore.getState().choose('att-1', 'q1', ['A'])
    useAnswersStore.getState().choose('att-1', 'q2', ['B', 'C'])
    await expect(useAnswersStore.getState().flush('att-1')).rejects.toThrow(/网络连接失败/)
    await reload()
    expect(useAnswersStore.getState().drafts['att-1'].answers).toEqual({ q1: ['A'], q2: ['B', 'C'] })
    mockedSave.mockResolvedValueOnce(attempt({ q1: ['A'], q2: ['B', 'C'] }))
    await useAnswersStore.getState().flush('att-1')
    expect(mockedSave).toHaveBeenCalledTimes(2)
    expect(mockedSave.mock.calls[1][1]).toEqual({ q1: ['A'], q2: ['B', 'C'] })
    expect(mockedSave.mock.calls[1][2]).toBe(mockedSave.mock.calls[0][2])
    expect(useAnswersStore.getState().drafts['att-1']).toBeUndefined()
  })

  it('should keep a choice changed while the send was on its way, and send only what is pending', async () => {
    let answer!: (a: Attempt) => void
    mockedSave.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    useAnswersStore.getState().choose('att-1', 'q1', ['A'])
    const first = useAnswersStore.getState().flush('att-1')
    useAnswersStore.getState().choose('att-1', 'q1', ['B'])
    answer(attempt({ q1: ['A'] }))
    await first
    expect(useAnswersStore.getState().drafts['att-1'].answers).toEqual({ q1: ['B'] })
    mockedSave.mockResolvedValueOnce(attempt({ q1: ['B'] }))
    await useAnswersStore.getState().flush('att-1')
    expect(mockedSave.mock.calls[1][1]).toEqual({ q1: ['B'] })
    expect(await useAnswersStore.getState().flush('att-1')).toBeNull()
    expect(mockedSave).toHaveBeenCalledTimes(2)
  })

  it('should drop stored answers that do not look like answers, never crash', async () => {
    localStorage.setItem('zst-exam-answers', JSON.stringify({ state: { drafts: { 'att-1': { answers: 'x' } } }, version: 1 }))
    await useAnswersStore.persist.rehydrate()
    expect(useAnswersStore.getState().drafts).toEqual({})
  })
})
