import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { Exam, ExamResults as Results } from '@/api/contract/exam'
import { getExamResults, grantRetake, listExams } from '@/api/exams'
import { ExamResults } from '@/features/exam-admin/components/exam-results'
import { useSessionStore } from '@/stores/session-store'

jest.mock('@/api/exams')
const mockedList = jest.mocked(listExams)
const mockedResults = jest.mocked(getExamResults)
const mockedGrant = jest.mocked(grantRetake)

const exam = (over: Partial<Exam> = {}): Exam => ({
  id: 'ex-q',
  title: '2027 年任职资格测试',
  purpose: 'qualification',
  opensAt: '2027-05-01T09:00:00+08:00',
  closesAt: '2099-06-01T18:00:00+08:00',
  durationMinutes: 60,
  passScore: 60,
  maxAttempts: 2,
  blueprint: [{ module: '政策理论', kind: 'single', count: 50, points: 2 }],
  audience: { towns: [] },
  status: 'published',
  ...over,
})

const RESULTS: Results = {
  exam: exam(),
  people: [
    { user: { id: 'u1', name: '王建华', town: '孝德镇', village: '齐福村' }, best: 82.5, passed: true, attempts: 1, retakes: 0, leftApp: 3, bestAttemptId: 'a1' },
    { user: { id: 'u2', name: '李秀英', town: '汉旺镇', village: '武都村' }, best: 48, passed: false, attempts: 2, retakes: 1, leftApp: 0, bestAttemptId: 'a2' },
    { user: { id: 'u3', name: '张明', town: '汉旺镇' }, best: null, passed: false, attempts: 0, retakes: 0, leftApp: 0, bestAttemptId: null },
  ],
  byModule: [
    { module: '政策理论', mean: 18.25, max: 25 },
    { module: '法律法规', mean: 12, max: 25 },
  ],
  byTown: [
    { town: '孝德镇', people: 1, takers: 1, passRate: 1 },
    { town: '汉旺镇', people: 2, takers: 1, passRate: 0.625 },
  ],
  distribution: Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count: i === 8 ? 1 : i === 4 ? 1 : 0 })),
}

const CITY = { id: 'u-o1', name: '市组织', role: 'organiser' as const, town: '剑南街道', phone: '13900000001', scope: { towns: [] } }
const TOWN = { id: 'u-o2', name: '王组织', role: 'organiser' as const, town: '孝德镇', phone: '13900000002', scope: { towns: ['孝德镇'] } }

const personRow = (name: string) => screen.getByText(name).closest('.xa-person') as HTMLElement

beforeEach(() => {
  jest.resetAllMocks()
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
  useSessionStore.setState({ token: 'tok', user: CITY })
  mockedList.mockResolvedValue({
    items: [exam({ id: 'ex-p', title: '练习卷', purpose: 'practice', opensAt: '2027-06-01T09:00:00+08:00', maxAttempts: null }), exam()],
    total: 2,
    page: 1,
    pageSize: 50,
  })
  mockedResults.mockResolvedValue(RESULTS)
})

describe('ExamResults (考试成绩)', () => {
  it('should open the qualification exam first and write every bar\'s figure as text', async () => {
    render(<ExamResults />)
    expect(await screen.findByText('书记成绩（3 人）')).toBeTruthy()
    expect(mockedResults).toHaveBeenCalledWith('ex-q', undefined)
    const exams = screen.getByRole('tablist', { name: '考试' })
    expect(within(exams).getByText('2027 年任职资格测试').getAttribute('aria-selected')).toBe('true')

    const distribution = screen.getByRole('group', { name: '成绩分布' })
    expect(within(distribution).getByText('80–89 分')).toBeTruthy()
    expect(within(distribution).getByText('90–100 分')).toBeTruthy()
    expect(within(distribution).getAllByText('1 人')).toHaveLength(2)
    expect(within(distribution).getAllByText('0 人')).toHaveLength(8)

    const modules = screen.getByRole('group', { name: '各模块平均分' })
    expect(within(modules).getByText('18.3 / 25 分')).toBeTruthy()
    expect(within(modules).getByText('12 / 25 分')).toBeTruthy()

    const towns = screen.getByRole('group', { name: '各镇（街道）通过率' })
    expect(within(towns).getByText('通过率 100%')).toBeTruthy()
    expect(within(towns).getByText('通过率 63%')).toBeTruthy()
    expect(within(towns).getByText('汉旺镇：应考 2 人，参考 1 人')).toBeTruthy()
  })

  it('should list each person with town·village, best score or 未参加, pass, attempts, 补考 and 切出', async () => {
    render(<ExamResults />)
    await screen.findByText('王建华')
    const first = personRow('王建华')
    expect(within(first).getByText('82.5 分')).toBeTruthy()
    expect(within(first).getByText('通过')).toBeTruthy()
    expect(within(first).getByText('孝德镇 · 齐福村')).toBeTruthy()
    expect(within(first).getByText('答题 1 次 · 补考 0 次 · 切出 3 次')).toBeTruthy()
    const second = personRow('李秀英')
    expect(within(second).getByText('未通过')).toBeTruthy()
    expect(within(second).getByText('答题 2 次 · 补考 1 次 · 切出 0 次')).toBeTruthy()
    expect(within(personRow('张明')).getAllByText('未参加').length).toBeGreaterThan(0)
    expect(screen.getByText(/仅供参考，不作为不通过的依据/)).toBeTruthy()
  })

  it('should refuse a 1-character reason before sending, then send the reason and reload', async () => {
    mockedGrant.mockResolvedValue({ examId: 'ex-q', userId: 'u2', reason: '考试当天停电', grantedBy: 'u-o1', grantedAt: '2027-05-20T10:00:00+08:00', attemptsLeft: 1 })
    render(<ExamResults />)
    await screen.findByText('李秀英')
    const row = personRow('李秀英')
    fireEvent.click(within(row).getByRole('button', { name: /安排补考/ }))
    const reason = await waitFor(() => within(row).getByLabelText('补考原因', { selector: 'textarea' }))
    fireEvent.input(reason, { target: { value: '停' } })
    fireEvent.click(within(row).getByText('确定补考'))
    expect(await within(row).findByText('补考原因至少 2 个字')).toBeTruthy()
    expect(mockedGrant).not.toHaveBeenCalled()

    fireEvent.input(reason, { target: { value: '考试当天停电' } })
    fireEvent.click(within(row).getByText('确定补考'))
    await waitFor(() => expect(mockedGrant).toHaveBeenCalledTimes(1))
    const [examId, userId, sent, key] = mockedGrant.mock.calls[0]
    expect([examId, userId, sent]).toEqual(['ex-q', 'u2', '考试当天停电'])
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已安排补考' })))
    await waitFor(() => expect(mockedResults).toHaveBeenCalledTimes(2))
  })

  it("should show the server's Chinese message when a retake is refused", async () => {
    mockedGrant.mockRejectedValue(new ApiError({ kind: 'http', status: 409, code: 'EXAM_CLOSED', message: '考试已经结束，不能再安排补考' }))
    render(<ExamResults />)
    await screen.findByText('李秀英')
    const row = personRow('李秀英')
    fireEvent.click(within(row).getByRole('button', { name: /安排补考/ }))
    fireEvent.input(await waitFor(() => within(row).getByLabelText('补考原因', { selector: 'textarea' })), { target: { value: '病假' } })
    fireEvent.click(within(row).getByText('确定补考'))
    expect(await within(row).findByText('考试已经结束，不能再安排补考')).toBeTruthy()
  })

  it('should let a city organiser narrow by town, and show a town organiser no town chips', async () => {
    const { unmount } = render(<ExamResults />)
    await screen.findByText('王建华')
    const towns = screen.getByRole('tablist', { name: '镇（街道）' })
    expect(Array.from(towns.children).map((c) => c.textContent)).toEqual(['全部', '孝德镇', '汉旺镇'])
    fireEvent.click(within(towns).getByText('汉旺镇'))
    await waitFor(() => expect(mockedResults).toHaveBeenLastCalledWith('ex-q', '汉旺镇'))
    unmount()

    useSessionStore.setState({ token: 'tok', user: TOWN })
    render(<ExamResults />)
    await screen.findByText('王建华')
    expect(screen.queryByRole('tablist', { name: '镇（街道）' })).toBeNull()
  })

  it('should show an empty state without exams and an error with 重试', async () => {
    mockedList.mockResolvedValueOnce({ items: [], total: 0, page: 1, pageSize: 50 })
    const { unmount } = render(<ExamResults />)
    expect(await screen.findByText('还没有考试')).toBeTruthy()
    unmount()

    mockedResults.mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    render(<ExamResults />)
    expect(await screen.findByText('加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('王建华')).toBeTruthy()
  })
})
