import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import type { Question } from '@/api/contract/exam'
import { createQuestion, deleteQuestion, updateQuestion } from '@/api/exams'
import { QuestionForm } from '@/features/exam-admin/components/question-form'
import { checkQuestion, emptyQuestionValues } from '@/features/exam-admin/lib/question-form'

jest.mock('@/api/exams')
const mockedCreate = jest.mocked(createQuestion)
const mockedUpdate = jest.mocked(updateQuestion)
const mockedDelete = jest.mocked(deleteQuestion)

async function type(label: string, value: string) {
  const control = await waitFor(() => screen.getByLabelText(label, { selector: 'input, textarea' }))
  fireEvent.input(control, { target: { value } })
}
const answerKey = (key: string) => within(screen.getByRole('group', { name: '正确答案' })).getByText(key)

const QUESTION: Question = {
  id: 'q-1',
  module: '法律法规',
  kind: 'single',
  stem: '村民委员会每届任期几年？',
  options: [
    { key: 'A', text: '3 年' },
    { key: 'B', text: '5 年' },
  ],
  answer: ['B'],
  difficulty: 2,
}

beforeEach(() => {
  jest.resetAllMocks()
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

describe('QuestionForm (题目)', () => {
  it('should say what is missing beside each field and send nothing', async () => {
    render(<QuestionForm onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('添加题目'))
    expect(await screen.findByText('题干至少 2 个字')).toBeTruthy()
    expect(screen.getByText('选项 A：不能为空')).toBeTruthy()
    expect(screen.getByText('请选择正确答案')).toBeTruthy()
    expect(mockedCreate).not.toHaveBeenCalled()
  })

  it('should refuse a single-choice question with two answers before sending (one key kept in the form)', async () => {
    const twoKeys = checkQuestion({ ...emptyQuestionValues(), stem: '题干', options: ['甲', '乙', '丙', '丁'], answer: ['A', 'C'] })
    expect(twoKeys).toEqual({ ok: false, errors: { answer: '单选题只有一个答案' } })
    render(<QuestionForm onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('多选'))
    await type('题干', '下列哪些属于村务公开的内容？')
    await type('选项 A', '财务收支')
    await type('选项 B', '个人隐私')
    await type('选项 C', '集体资产')
    await type('选项 D', '低保名单')
    fireEvent.click(answerKey('A'))
    fireEvent.click(answerKey('C'))
    // Back to 单选 with two keys held: the form keeps one, and a tap on another replaces it.
    fireEvent.click(screen.getByText('单选'))
    expect(answerKey('A').getAttribute('aria-checked')).toBe('true')
    expect(answerKey('C').getAttribute('aria-checked')).toBe('false')
    fireEvent.click(answerKey('C'))
    expect(answerKey('A').getAttribute('aria-checked')).toBe('false')
    expect(answerKey('C').getAttribute('aria-checked')).toBe('true')
    mockedCreate.mockImplementation(async (body) => ({ id: 'q-new', ...body }))
    fireEvent.click(screen.getByText('添加题目'))
    await waitFor(() => expect(mockedCreate).toHaveBeenCalledWith(expect.objectContaining({ kind: 'single', answer: ['C'] }), expect.any(String)))
  })

  it('should refuse 多选 with one answer, beside the answer, before sending', async () => {
    render(<QuestionForm onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('多选'))
    await type('题干', '下列哪些属于村务公开的内容？')
    for (const k of ['A', 'B', 'C', 'D']) await type(`选项 ${k}`, `内容 ${k}`)
    fireEvent.click(answerKey('A'))
    fireEvent.click(screen.getByText('添加题目'))
    expect(await screen.findByText('多选题至少两个正确选项')).toBeTruthy()
    expect(mockedCreate).not.toHaveBeenCalled()
  })

  it('should fix a judge question to A 正确 / B 错误 and send it', async () => {
    mockedCreate.mockImplementation(async (body) => ({ id: 'q-new', ...body }))
    const onDone = jest.fn()
    render(<QuestionForm onDone={onDone} />)
    fireEvent.click(screen.getByText('判断'))
    expect(screen.queryByLabelText('选项 A', { selector: 'input' })).toBeNull()
    expect(screen.getByText('正确')).toBeTruthy()
    expect(screen.getByText('错误')).toBeTruthy()
    expect(screen.queryByText('添加选项')).toBeNull()
    expect(within(screen.getByRole('group', { name: '正确答案' })).getAllByRole('checkbox')).toHaveLength(2)
    await type('题干', '村党组织书记可以兼任村民委员会主任。')
    fireEvent.click(answerKey('A'))
    fireEvent.click(screen.getByText('3（难）'))
    fireEvent.click(screen.getByText('添加题目'))
    await waitFor(() => expect(mockedCreate).toHaveBeenCalledTimes(1))
    const [body, key] = mockedCreate.mock.calls[0]
    expect(body).toEqual({
      module: '政策理论',
      kind: 'judge',
      stem: '村党组织书记可以兼任村民委员会主任。',
      options: [
        { key: 'A', text: '正确' },
        { key: 'B', text: '错误' },
      ],
      answer: ['A'],
      difficulty: 3,
    })
    expect(key).toMatch(/^[0-9a-f-]{36}$/)
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('created'))
  })

  it('should re-letter options and answers when one is removed', async () => {
    render(<QuestionForm question={{ ...QUESTION, options: [...QUESTION.options, { key: 'C', text: '6 年' }], answer: ['C'] }} onDone={jest.fn()} />)
    fireEvent.click(screen.getByRole('button', { name: '删除选项 B' }))
    expect(((await screen.findByLabelText('选项 B', { selector: 'input' })) as HTMLInputElement).value).toBe('6 年')
    expect(answerKey('B').getAttribute('aria-checked')).toBe('true')
  })

  it("should show the server's field messages beside the fields when saving an edit", async () => {
    mockedUpdate.mockRejectedValue(
      new ApiError({ kind: 'http', status: 400, code: 'VALIDATION_FAILED', message: '填写的内容有误，请按提示修改后再提交。', fields: { stem: '已有相同题干的题目', 'options.1.text': '选项重复' } }),
    )
    render(<QuestionForm question={QUESTION} onDone={jest.fn()} />)
    fireEvent.click(screen.getByText('保存修改'))
    expect(await screen.findByText('已有相同题干的题目')).toBeTruthy()
    expect(screen.getByText('选项 B：选项重复')).toBeTruthy()
    expect(mockedUpdate).toHaveBeenCalledWith('q-1', expect.objectContaining({ stem: '村民委员会每届任期几年？', answer: ['B'] }), expect.any(String))
  })

  it('should ask before deleting and show QUESTION_IN_USE', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    mockedDelete.mockRejectedValue(new ApiError({ kind: 'http', status: 409, code: 'QUESTION_IN_USE', message: '这道题已用于已发布的考试，不能删除' }))
    const onDone = jest.fn()
    render(<QuestionForm question={QUESTION} onDone={onDone} />)
    fireEvent.click(screen.getByText('删除'))
    expect(await screen.findByText('这道题已用于已发布的考试，不能删除')).toBeTruthy()
    expect(Taro.showModal).toHaveBeenCalled()
    expect(mockedDelete).toHaveBeenCalledWith('q-1', expect.any(String))
    expect(onDone).not.toHaveBeenCalled()
  })
})
