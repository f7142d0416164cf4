import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// API.md v1.1 选拔任用: the bank, exams, and attempts whose clock the server holds.

let api: MockApi
let city: string
let secretary: string // u-s01
beforeEach(async () => {
  api = await startMockApi()
  city = await api.login(organiserPhone(1))
  secretary = await api.login(secretaryPhone(1))
})
afterEach(() => api.close())

const MINUTE = 60_000
const QUALIFICATION = 'exam-2026-qualification'
const start = (examId = QUALIFICATION, token = secretary) => api.call('POST', `/exams/${examId}/attempts`, { token })
/** No answer key anywhere in a body (API.md: before its time no answer body holds either field). */
const leaksKeys = (body: unknown) => /"(answer|explanation)"/.test(JSON.stringify(body))

const question = (overrides: Record<string, unknown> = {}) => ({
  module: '法律法规',
  kind: 'single',
  stem: '村民委员会每届任期几年？',
  options: [
    { key: 'A', text: '三年' },
    { key: 'B', text: '五年' },
    { key: 'C', text: '四年' },
  ],
  answer: ['B'],
  explanation: '村民委员会组织法规定每届任期五年。',
  difficulty: 1,
  ...overrides,
})

describe('the question bank', () => {
  it('should hold the seed bank: 150+ questions, every module with 20+ single-choice ones', async () => {
    const all = (await api.call('GET', '/questions?pageSize=100&page=1', { token: city })).body
    expect(all.total).toBeGreaterThanOrEqual(150)
    for (const module of ['政策理论', '法律法规', '乡村振兴', '村务实务']) {
      const page = (await api.call('GET', `/questions?module=${encodeURIComponent(module)}&pageSize=100`, { token: city })).body
      expect(page.items.filter((q: { kind: string }) => q.kind === 'single').length).toBeGreaterThanOrEqual(20)
    }
  })

  it('should add, edit and delete a question for the city, and check its rules', async () => {
    const created = await api.call('POST', '/questions', { token: city, body: question() })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ module: '法律法规', answer: ['B'] })
    const bad = await api.call('POST', '/questions', { token: city, body: question({ answer: ['A', 'B'] }) })
    expect([bad.status, bad.body.error.fields.answer]).toEqual([400, '单选题只有一个答案'])
    const judge = await api.call('POST', '/questions', { token: city, body: question({ kind: 'judge', options: [{ key: 'A', text: '对' }, { key: 'B', text: '错' }], answer: ['A'] }) })
    expect(judge.body.error.fields.options).toBe('判断题的选项应为 A 正确、B 错误')
    const edited = await api.call('PUT', `/questions/${created.body.id}`, { token: city, body: question({ stem: '村民委员会每届任期多少年？' }) })
    expect(edited.body.stem).toBe('村民委员会每届任期多少年？')
    expect((await api.call('DELETE', `/questions/${created.body.id}`, { token: city })).status).toBe(204)
    expect((await api.call('PUT', `/questions/${created.body.id}`, { token: city, body: question() })).status).toBe(404)
  })

  it("should keep the bank from town organisers (403 OUT_OF_SCOPE) and secretaries (403)", async () => {
    const town = await api.call('GET', '/questions', { token: await api.login(organiserPhone(2)) })
    expect([town.status, town.body.error.code]).toEqual([403, 'OUT_OF_SCOPE'])
    expect((await api.call('GET', '/questions', { token: secretary })).status).toBe(403)
  })

  it('should refuse to delete a question on a paper of a published exam (409 QUESTION_IN_USE)', async () => {
    const attempt = (await start()).body
    const res = await api.call('DELETE', `/questions/${attempt.questions[0].id}`, { token: city })
    expect([res.status, res.body.error.code]).toEqual([409, 'QUESTION_IN_USE'])
  })
})

describe('exams', () => {
  const examBody = (overrides: Record<string, unknown> = {}) => ({
    title: '2027 年任职资格测试（补考）',
    purpose: 'qualification',
    opensAt: '2026-12-02T09:00:00+08:00',
    closesAt: '2026-12-09T18:00:00+08:00',
    durationMinutes: 60,
    passScore: 60,
    maxAttempts: 1,
    blueprint: [
      { module: '政策理论', kind: 'single', count: 10, points: 5 },
      { module: '法律法规', kind: 'single', count: 10, points: 5 },
    ],
    audience: { towns: [] },
    status: 'published',
    ...overrides,
  })

  it('should create an exam whose blueprint sums to 100 and that the bank can fill, else say which line is short', async () => {
    expect((await api.call('POST', '/exams', { token: city, body: examBody() })).status).toBe(201)
    const sum = await api.call('POST', '/exams', { token: city, body: examBody({ blueprint: [{ module: '政策理论', kind: 'single', count: 10, points: 5 }] }) })
    expect(sum.body.error.fields.blueprint).toContain('合计应为 100 分')
    const short = await api.call('POST', '/exams', { token: city, body: examBody({ blueprint: [{ module: '政策理论', kind: 'multiple', count: 100, points: 1 }] }) })
    expect(short.body.error.fields.blueprint).toMatch(/政策理论多选题需要 100 道/)
  })

  it('should show secretaries the published exams of their audience with their attempts left', async () => {
    const list = (await api.call('GET', '/exams', { token: secretary })).body.items
    const qualification = list.find((e: { id: string }) => e.id === QUALIFICATION)
    expect(qualification).toMatchObject({ purpose: 'qualification', maxAttempts: 2, myAttempts: 0, attemptsLeft: 2 })
    expect(list.find((e: { id: string }) => e.id === 'exam-practice')).toMatchObject({ maxAttempts: null, attemptsLeft: null })
    const draft = await api.call('POST', '/exams', { token: city, body: examBody({ status: 'draft' }) })
    expect((await api.call('GET', `/exams/${draft.body.id}`, { token: secretary })).status).toBe(404)
  })
})

describe('attempts', () => {
  it('should draw a frozen paper per blueprint without answers, and resume it with the time still running', async () => {
    const first = await start()
    expect(first.status).toBe(201)
    const exam = (await api.call('GET', `/exams/${QUALIFICATION}`, { token: secretary })).body
    for (const line of exam.blueprint) {
      const drawn = first.body.questions.filter((q: { module: string; kind: string; points: number }) => q.module === line.module && q.kind === line.kind)
      expect(drawn).toHaveLength(line.count)
      expect(drawn.every((q: { points: number }) => q.points === line.points)).toBe(true)
    }
    expect(new Set(first.body.questions.map((q: { id: string }) => q.id)).size).toBe(first.body.questions.length)
    expect(Date.parse(first.body.deadline) - Date.parse(first.body.startedAt)).toBe(60 * MINUTE)
    expect(leaksKeys(first.body)).toBe(false)
    api.setNow(api.mock.clock.now() + 10 * MINUTE)
    const again = await start()
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(first.body.id)
    expect(again.body.questions).toEqual(first.body.questions)
  })

  it('should give one attempt for two starts at once', async () => {
    const [a, b] = await Promise.all([start(), start()])
    expect([a.status, b.status].sort()).toEqual([200, 201])
    expect(a.body.id).toBe(b.body.id)
    expect((await api.mock.state()).exams!.attempts.filter((x) => x.userId === 'u-s01')).toHaveLength(1)
  })

  it('should save answers, refuse them after the deadline, and score an expired attempt with what was saved', async () => {
    const attempt = (await start()).body
    const [q1, q2] = attempt.questions
    const saved = await api.call('PUT', `/attempts/${attempt.id}/answers`, { token: secretary, body: { answers: { [q1.id]: ['A'], [q2.id]: ['B'] } } })
    expect(saved.status).toBe(200)
    expect(saved.body.answers).toEqual({ [q1.id]: ['A'], [q2.id]: ['B'] })
    expect(leaksKeys(saved.body)).toBe(false)
    api.setNow(Date.parse(attempt.deadline) + 1)
    const late = await api.call('PUT', `/attempts/${attempt.id}/answers`, { token: secretary, body: { answers: { [q1.id]: ['B'] } } })
    expect([late.status, late.body.error.code]).toEqual([409, 'ATTEMPT_EXPIRED'])
    const read = await api.call('GET', `/attempts/${attempt.id}`, { token: secretary })
    expect(read.body.status).toBe('expired')
    expect(read.body.answers).toEqual({ [q1.id]: ['A'], [q2.id]: ['B'] })
    expect(read.body.score).toEqual(expect.any(Number))
    expect(read.body.moduleScores.map((m: { max: number }) => m.max).reduce((a: number, b: number) => a + b)).toBe(100)
    // The exam is still open: no keys yet.
    expect(leaksKeys(read.body)).toBe(false)
  })

  it('should score 交卷 with full points for the exact keys, show keys only after the window, and stop at maxAttempts', async () => {
    const attempt = (await start()).body
    const stored = (await api.mock.state()).exams!.attempts.find((a) => a.id === attempt.id)!
    const answers = Object.fromEntries(stored.questions.map((q, i) => [q.id, i % 2 === 0 ? q.answer : []]))
    await api.call('PUT', `/attempts/${attempt.id}/answers`, { token: secretary, body: { answers } })
    const done = await api.call('POST', `/attempts/${attempt.id}/submit`, { token: secretary })
    const expected = stored.questions.reduce((s, q, i) => s + (i % 2 === 0 ? q.points : 0), 0)
    expect(done.body).toMatchObject({ status: 'submitted', score: expected, passed: expected >= 60 })
    expect(leaksKeys(done.body)).toBe(false)
    expect((await start()).status).toBe(201)
    const second = (await api.mock.state()).exams!.attempts.find((a) => a.userId === 'u-s01' && a.id !== attempt.id)!
    await api.call('POST', `/attempts/${second.id}/submit`, { token: secretary })
    const none = await start()
    expect([none.status, none.body.error.code]).toEqual([409, 'NO_ATTEMPTS_LEFT'])
    expect((await api.call('GET', `/exams/${QUALIFICATION}`, { token: secretary })).body).toMatchObject({ myAttempts: 2, attemptsLeft: 0 })
    // After the window the keys and explanations show, and no more starts.
    api.setNow(Date.parse((await api.call('GET', `/exams/${QUALIFICATION}`, { token: secretary })).body.closesAt))
    const after = await api.call('GET', `/attempts/${attempt.id}`, { token: secretary })
    expect(after.body.questions[0].answer).toEqual(stored.questions[0].answer)
    expect((await start()).body.error.code).toBe('EXAM_CLOSED')
  })

  it('should show a practice paper\'s keys right after 交卷, and count leaving the app without failing anyone', async () => {
    const attempt = (await start('exam-practice')).body
    const left = await api.call('POST', `/attempts/${attempt.id}/left-app`, { token: secretary })
    expect(left.body.leftApp).toBe(1)
    expect(left.body.status).toBe('in_progress')
    const done = await api.call('POST', `/attempts/${attempt.id}/submit`, { token: secretary })
    expect(done.body.questions.every((q: { answer?: string[] }) => Array.isArray(q.answer))).toBe(true)
  })

  it("should hide an attempt from other secretaries and from organisers of other towns (404)", async () => {
    const attempt = (await start()).body
    expect((await api.call('GET', `/attempts/${attempt.id}`, { token: await api.login(secretaryPhone(2)) })).status).toBe(404)
    expect((await api.call('PUT', `/attempts/${attempt.id}/answers`, { token: await api.login(secretaryPhone(2)), body: { answers: {} } })).status).toBe(404)
    expect((await api.call('GET', `/attempts/${attempt.id}`, { token: await api.login(organiserPhone(3)) })).status).toBe(404)
    expect((await api.call('GET', `/attempts/${attempt.id}`, { token: city })).status).toBe(200)
  })
})
