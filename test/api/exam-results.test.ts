import { organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

// API.md v1.1 选拔任用, the second half: CSV import of questions, results and retakes for organisers,
// the secretary's own attempts, and the lectures recommended after a weak module.

let api: MockApi
let city: string
let secretary: string // u-s01, 剑南街道
beforeEach(async () => {
  api = await startMockApi()
  city = await api.login(organiserPhone(1))
  secretary = await api.login(secretaryPhone(1))
})
afterEach(() => api.close())

const QUALIFICATION = 'exam-2026-qualification'
const HEADER = '模块,题型,题干,A,B,C,D,E,F,答案,解析,难度'
const importCsv = (text: string, token = city, contentType = 'text/csv; charset=utf-8') =>
  api.call('POST', '/questions/import', { token, raw: text, headers: { 'Content-Type': contentType } })
const start = (token = secretary, examId = QUALIFICATION) => api.call('POST', `/exams/${examId}/attempts`, { token })

/** Answers every question of an attempt right (`right`) or wrong, by module, then 交卷. */
async function sit(token: string, rightIn: (module: string) => boolean) {
  const attempt = (await start(token)).body
  const stored = (await api.mock.state()).exams!.attempts.find((a) => a.id === attempt.id)!
  const answers = Object.fromEntries(
    stored.questions.map((q) => [q.id, rightIn(q.module) ? q.answer : [q.options.find((o) => !q.answer.includes(o.key))!.key]]),
  )
  await api.call('PUT', `/attempts/${attempt.id}/answers`, { token, body: { answers } })
  return (await api.call('POST', `/attempts/${attempt.id}/submit`, { token })).body
}

describe('POST /questions/import', () => {
  it('should add every line of a good file, with a BOM, quoted line breaks and judge questions without options', async () => {
    const before = (await api.call('GET', '/questions?pageSize=1', { token: city })).body.total
    const csv = [
      '\uFEFF' + HEADER,
      '法律法规,单选,村民委员会每届任期几年？,三年,五年,四年,,,,B,村民委员会组织法规定每届任期五年。,1',
      '村务实务,多选,"村务公开的内容包括：\n（多选）",财务收支,集体土地征收补偿,宅基地审批,低保评定,,,acd,,2',
      '',
      '政策理论,判断,党支部书记可以兼任村务监督委员会主任。,,,,,,,B,,2',
    ].join('\r\n')
    const res = await importCsv(csv)
    expect([res.status, res.body]).toEqual([201, { created: 3, errors: [] }])
    const bank = (await api.call('GET', `/questions?pageSize=100&q=${encodeURIComponent('村务公开的内容')}`, { token: city })).body.items
    expect(bank).toEqual([expect.objectContaining({ kind: 'multiple', stem: '村务公开的内容包括：\n（多选）', answer: ['A', 'C', 'D'], difficulty: 2 })])
    const judge = (await api.call('GET', `/questions?pageSize=5&q=${encodeURIComponent('兼任村务监督委员会主任')}`, { token: city })).body.items[0]
    expect(judge.options).toEqual([{ key: 'A', text: '正确' }, { key: 'B', text: '错误' }])
    expect((await api.call('GET', '/questions?pageSize=1', { token: city })).body.total).toBe(before + 3)
  })

  it('should create nothing when any line is wrong, and name each wrong line by its number in the file', async () => {
    const before = await api.mock.state()
    const csv = [
      HEADER,
      '法律法规,单选,一道正确的题目？,甲,乙,,,,,A,,1',
      '法律常识,单选,模块不对的题？,甲,乙,,,,,A,,1',
      '法律法规,单选,"题干跨两行\n的题目",甲,,丙,,,,A,,1',
      '法律法规,单选,答案不在选项里？,甲,乙,,,,,C,,1',
      '法律法规,单选,难度不对？,甲,乙,,,,,A,,5',
      '法律法规,单选,一道正确的题目？,甲,乙,,,,,A,,1',
      '法律法规,单选,少了几列',
    ].join('\n')
    const res = await importCsv(csv)
    expect([res.status, res.body.error.code]).toEqual([400, 'IMPORT_FAILED'])
    expect(res.body.error.errors).toEqual([
      { line: 3, message: expect.stringContaining('模块应为') },
      { line: 4, message: '选项 B 是空的：选项应从 A 起连续填写' },
      { line: 6, message: '答案：答案应是已有的选项' },
      { line: 7, message: '难度应为 1、2 或 3（现在是“5”）' },
      { line: 8, message: '与第 2 行的题干相同' },
      { line: 9, message: '应有 12 列，这一行有 3 列' },
    ])
    expect(await api.mock.state()).toEqual(before)
  })

  it('should refuse a wrong header, an empty file, a stem already in the bank, and a body that is not CSV or not UTF-8', async () => {
    expect((await importCsv('模块,题型,题干\n')).body.error.errors).toEqual([{ line: 1, message: `第一行应为表头：${HEADER}` }])
    expect((await importCsv(HEADER + '\n')).body.error.errors).toEqual([{ line: 2, message: '文件里没有题目' }])
    const stem = (await api.call('GET', '/questions?pageSize=1', { token: city })).body.items[0].stem as string
    const dup = await importCsv(`${HEADER}\n法律法规,单选,"${stem.replace(/"/g, '""')}",甲,乙,,,,,A,,1`)
    expect(dup.body.error.errors).toEqual([{ line: 2, message: '题库里已有题干相同的题' }])
    const json = await importCsv(HEADER, city, 'application/json')
    expect([json.status, json.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    const gbk = await api.call('POST', '/questions/import', {
      token: city,
      raw: Buffer.from([0xc4, 0xa3, 0xbf, 0xe9, 0x0a]) as unknown as string,
      headers: { 'Content-Type': 'text/csv' },
    })
    expect([gbk.status, gbk.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
  })

  it('should be the city organisers\' alone (town organiser 403 OUT_OF_SCOPE, secretary 403)', async () => {
    const town = await importCsv(`${HEADER}\n法律法规,单选,一道题？,甲,乙,,,,,A,,1`, await api.login(organiserPhone(2)))
    expect([town.status, town.body.error.code]).toEqual([403, 'OUT_OF_SCOPE'])
    expect((await importCsv(`${HEADER}\n法律法规,单选,一道题？,甲,乙,,,,,A,,1`, secretary)).status).toBe(403)
  })
})

describe('GET /exams/:id/results', () => {
  it('should list every secretary of the audience with best score, attempts and times left the app, and sum up modules and towns', async () => {
    const mine = await sit(secretary, () => true)
    expect(mine.score).toBe(100)
    const res = await api.call('GET', `/exams/${QUALIFICATION}/results`, { token: city })
    expect(res.status).toBe(200)
    const people = res.body.people as { user: { id: string }; best: number | null; passed: boolean; attempts: number; bestAttemptId: string | null }[]
    expect(people).toHaveLength(40)
    expect(people.find((p) => p.user.id === 'u-s01')).toMatchObject({ best: 100, passed: true, attempts: 1, leftApp: 0, bestAttemptId: mine.id })
    expect(people.find((p) => p.user.id === 'u-s02')).toMatchObject({ best: null, passed: false, attempts: 0, bestAttemptId: null })
    const takers = people.filter((p) => p.best !== null)
    expect(takers.length).toBe(6) // five seeded attempts and u-s01
    expect(res.body.distribution.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(6)
    expect(res.body.byModule.map((m: { max: number }) => m.max).reduce((a: number, b: number) => a + b)).toBe(100)
    const jiannan = res.body.byTown.find((t: { town: string }) => t.town === '剑南街道')
    expect(jiannan).toMatchObject({ takers: 1, passRate: 1 })
    expect(JSON.stringify(res.body)).not.toMatch(/"(answer|explanation|phone)"/)
  })

  it("should show a town organiser only their towns' people, and an empty list for another town", async () => {
    const xiaode = await api.login(organiserPhone(2))
    const res = await api.call('GET', `/exams/${QUALIFICATION}/results`, { token: xiaode })
    expect(res.body.people.length).toBeGreaterThan(0)
    expect(res.body.people.every((p: { user: { town: string } }) => p.user.town === '孝德镇')).toBe(true)
    expect(res.body.byTown.map((t: { town: string }) => t.town)).toEqual(['孝德镇'])
    expect((await api.call('GET', `/exams/${QUALIFICATION}/results?town=${encodeURIComponent('清平镇')}`, { token: xiaode })).body.people).toEqual([])
    expect((await api.call('GET', `/exams/${QUALIFICATION}/results`, { token: secretary })).status).toBe(403)
    expect((await api.call('GET', '/exams/exam-nope/results', { token: city })).status).toBe(404)
  })

  it('should export the results as CSV with a BOM and a Chinese header', async () => {
    await sit(secretary, () => true)
    const res = await api.download(`/exams/${QUALIFICATION}/results.csv`, city)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const text = res.bytes.toString('utf8')
    expect(text.startsWith('\uFEFF姓名,镇（街道）,村（社区）,最好成绩,是否通过,答题次数,补考次数,切出次数')).toBe(true)
    expect(text.split('\r\n')).toHaveLength(41)
    expect(text).toContain(',100,通过,1,0,0')
  })
})

describe('POST /exams/:id/retakes', () => {
  const retake = (body: Record<string, unknown>, token = city, examId = QUALIFICATION) => api.call('POST', `/exams/${examId}/retakes`, { token, body })

  it('should grant one more attempt with a reason, audited, and count it in attemptsLeft', async () => {
    await sit(secretary, () => false)
    await sit(secretary, () => false)
    expect((await start()).body.error.code).toBe('NO_ATTEMPTS_LEFT')
    const granted = await retake({ userId: 'u-s01', reason: '考试当天因防汛值班中断' })
    expect(granted.status).toBe(201)
    expect(granted.body).toMatchObject({ examId: QUALIFICATION, userId: 'u-s01', grantedBy: 'u-o1', attemptsLeft: 1 })
    expect((await api.call('GET', `/exams/${QUALIFICATION}`, { token: secretary })).body).toMatchObject({ myAttempts: 2, attemptsLeft: 1 })
    expect((await start()).status).toBe(201)
    expect((await api.call('GET', `/exams/${QUALIFICATION}`, { token: secretary })).body.attemptsLeft).toBe(0)
    const audit = (await api.call('GET', `/audit?entity=exams&entityId=${QUALIFICATION}`, { token: city })).body.items
    expect(audit[0]).toMatchObject({ action: 'retake', after: { userId: 'u-s01', reason: '考试当天因防汛值班中断' } })
  })

  it('should check the reason, the person, the scope and the exam', async () => {
    const before = await api.mock.state()
    expect((await retake({ userId: 'u-s01', reason: '短' })).body.error.fields.reason).toBeDefined()
    expect((await retake({ userId: 'u-o2', reason: '不是书记' })).status).toBe(404)
    // 孝德镇's organiser may not grant one to 剑南街道's secretary, but may to their own.
    const xiaode = await api.login(organiserPhone(2))
    expect((await retake({ userId: 'u-s01', reason: '不在本镇' }, xiaode)).status).toBe(404)
    expect((await retake({ userId: 'u-s02', reason: '本镇书记补考' }, xiaode)).status).toBe(201)
    expect((await retake({ userId: 'u-s01', reason: '书记不能批' }, secretary)).status).toBe(403)
    const practice = await retake({ userId: 'u-s01', reason: '练习不限次' }, city, 'exam-practice')
    expect([practice.status, practice.body.error.code]).toEqual([409, 'RETAKE_NOT_NEEDED'])
    api.setNow(Date.parse((await api.call('GET', `/exams/${QUALIFICATION}`, { token: city })).body.closesAt))
    expect((await retake({ userId: 'u-s01', reason: '已经结束了' })).body.error.code).toBe('EXAM_CLOSED')
    expect((await api.mock.state()).exams!.exams.find((e) => e.id === QUALIFICATION)!.retakes).toHaveLength(1)
    expect(before.exams!.exams.find((e) => e.id === QUALIFICATION)!.retakes).toBeUndefined()
  })
})

describe('GET /me/attempts', () => {
  it("should list only the caller's attempts, newest first, without the paper", async () => {
    const first = await sit(secretary, () => true)
    const second = (await start()).body
    const res = await api.call('GET', '/me/attempts', { token: secretary })
    expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([second.id, first.id])
    expect(res.body.items[1]).toMatchObject({ status: 'submitted', score: 100, passed: true })
    expect(JSON.stringify(res.body)).not.toMatch(/"(questions|answer|explanation)"/)
    expect((await api.call('GET', '/me/attempts', { token: await api.login(secretaryPhone(2)) })).body.items).toEqual([])
    expect((await api.call('GET', `/me/attempts?examId=exam-practice`, { token: secretary })).body.items).toEqual([])
    expect((await api.call('GET', '/me/attempts', { token: city })).status).toBe(403)
  })
})

describe('GET /me/recommendations', () => {
  it('should point a module under 60 % to the upcoming lectures on that topic, soonest first', async () => {
    expect((await api.call('GET', '/me/recommendations', { token: secretary })).body).toMatchObject({ modules: [], items: [], total: 0 })
    await sit(secretary, (m) => m !== '村务实务')
    const res = await api.call('GET', '/me/recommendations', { token: secretary })
    expect(res.body.modules).toEqual(['村务实务'])
    const now = api.mock.clock.now()
    expect(res.body.items.length).toBeGreaterThan(0)
    for (const e of res.body.items) {
      expect(e.type).toBe('lecture')
      expect(e.topics).toContain('村务实务')
      expect(Date.parse(e.startAt)).toBeGreaterThan(now)
    }
    const starts = res.body.items.map((e: { startAt: string }) => Date.parse(e.startAt))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  it('should follow the latest qualification attempt, not practice', async () => {
    await sit(secretary, (m) => m !== '政策理论')
    await sit(secretary, () => true)
    const practice = (await start(secretary, 'exam-practice')).body
    await api.call('POST', `/attempts/${practice.id}/submit`, { token: secretary })
    expect((await api.call('GET', '/me/recommendations', { token: secretary })).body.modules).toEqual([])
  })
})

describe('Event.topics', () => {
  it('should be set, shown and removed by organisers, with its modules checked', async () => {
    const patch = (body: Record<string, unknown>) => api.call('PATCH', '/events/evt-lecture-online', { token: city, body })
    expect((await patch({ topics: ['法律法规', '政策理论'] })).body.topics).toEqual(['法律法规', '政策理论'])
    expect((await api.call('GET', '/events/evt-lecture-online', { token: secretary })).body.topics).toEqual(['法律法规', '政策理论'])
    expect((await patch({ topics: ['法律'] })).status).toBe(400)
    expect((await patch({ topics: ['法律法规', '法律法规'] })).body.error.fields.topics).toBe('专题不能重复')
    expect((await patch({ topics: [] })).body.topics).toBeUndefined()
  })
})
