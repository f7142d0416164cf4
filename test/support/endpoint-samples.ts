import { checkinCode, checkinSlot } from '../../mock/checkin-code'
import type { Route } from '../../mock/router'
import { completeItems, TINY_PNG } from './commitments'
import { createRegistration, storedEvent } from './fixtures'
import { PINNED_NOW, type MockApi } from './mock-api'
import { insertAttempt, insertQuestions, listQuestions, type QuestionRecord } from '../../mock/repos/exams'

/**
 * One sample request per endpoint of the mock's route table, shared by the authorization matrix, the
 * fuzzer and the idempotency suite: a concrete path (and body) that succeeds for the owner, and what
 * each kind of caller gets for it from a freshly reset mock at PINNED_NOW.
 */

/** Who calls: nobody, the secretary who owns the object, another secretary, an organiser. */
export type Caller = 'anonymous' | 'secretary' | 'otherSecretary' | 'organiser'
export const CALLERS: Caller[] = ['anonymous', 'secretary', 'otherSecretary', 'organiser']

export type EndpointSample = {
  method: Route['method']
  /** The route's path pattern, exactly as in ROUTES. */
  route: string
  /** A concrete path (with a query string when the sample needs one). */
  path: string
  /** The owner secretary's user id (default u-s01, 剑南街道). */
  owner?: string
  /** The other secretary's user id (default u-s02, 孝德镇). */
  other?: string
  /** A valid JSON body (a function when it depends on the store, e.g. the live check-in code). */
  body?: unknown
  bodyOf?: (api: MockApi) => Promise<unknown>
  /** A multipart upload of a tiny PNG rather than JSON. */
  upload?: boolean
  /** A text/csv body rather than JSON (the question import). */
  csv?: string
  /** Store changes the sample needs, applied straight after the reset. */
  setup?: (api: MockApi) => Promise<void>
  expect: Record<Caller, number>
  /**
   * The answer to 清平镇's organiser (u-o3), for routes organisers may call: the scope rows of API.md
   * v1.1 (403 OUT_OF_SCOPE to manage, 404 for people outside the town, 200 for filtered lists).
   */
  townOrganiser?: number
}

export const ORGANISER_ID = 'u-o1'
const HOUR = 60 * 60 * 1000
const at = (offsetMs: number) => new Date(Date.parse(PINNED_NOW) + offsetMs).toISOString()

const publicRoute = (ok: number) => ({ anonymous: ok, secretary: ok, otherSecretary: ok, organiser: ok })
const anyUser = (ok: number, other = ok, organiser = ok) => ({ anonymous: 401, secretary: ok, otherSecretary: other, organiser })
const secretaryOnly = (ok: number, other = ok) => ({ anonymous: 401, secretary: ok, otherSecretary: other, organiser: 403 })
const organiserOnly = (ok: number) => ({ anonymous: 401, secretary: 403, otherSecretary: 403, organiser: ok })

/** A question for the bank routes' samples. */
const QUESTION = {
  module: '法律法规',
  kind: 'single',
  stem: '村民委员会每届任期几年？',
  options: [
    { key: 'A', text: '三年' },
    { key: 'B', text: '五年' },
  ],
  answer: ['B'],
  difficulty: 1,
}
/** A CSV of two questions for the import sample. */
const IMPORT_CSV = [
  '模块,题型,题干,A,B,C,D,E,F,答案,解析,难度',
  '法律法规,单选,村民委员会每届任期几年？,三年,五年,,,,,B,,1',
  '村务实务,判断,村务公开栏应定期更新。,,,,,,,A,,1',
].join('\r\n')
/** A question on no paper, so that it may be deleted. */
const addSpareQuestion = (api: MockApi) =>
  api.mock.write((tx) => insertQuestions(tx, [{ ...(QUESTION as Omit<QuestionRecord, 'id' | 'createdBy'>), id: 'q-sample', createdBy: 'u-o1' }]))
/** u-s01's attempt at the practice exam, in progress (att-sample). */
const startPractice = (api: MockApi) =>
  api.mock.write(async (tx) => {
    const singles = (await listQuestions(tx)).filter((q) => q.kind === 'single').slice(0, 2)
    const now = api.mock.clock.now()
    await insertAttempt(tx, {
      id: 'att-sample',
      examId: 'exam-practice',
      userId: 'u-s01',
      startedAt: now,
      deadline: now + 30 * 60_000,
      status: 'in_progress',
      questions: singles.map((q) => ({ id: q.id, module: q.module, kind: q.kind, stem: q.stem, options: q.options, points: 50, answer: q.answer })),
      answers: {},
      leftApp: 0,
    })
  })

/** u-s05 (汉旺镇) is in the audience of evt-exchange-mountain; u-s01 (剑南街道) is not and cannot see it. */
const MOUNTAIN = { owner: 'u-s05', other: 'u-s01' }
const registerOnMountain = async (api: MockApi) => {
  const event = (await storedEvent(api, 'evt-exchange-mountain'))!
  await createRegistration(api, event, 'u-s05')
}

export const ENDPOINT_SAMPLES: EndpointSample[] = [
  // Auth: the two public routes answer the same whoever calls.
  { method: 'POST', route: '/auth/sms-code', path: '/auth/sms-code', body: { phone: '13800000001' }, expect: publicRoute(204) },
  { method: 'POST', route: '/auth/login', path: '/auth/login', body: { phone: '13800000001', code: '123456' }, expect: publicRoute(200) },
  { method: 'POST', route: '/auth/logout', path: '/auth/logout', expect: anyUser(204) },
  { method: 'POST', route: '/auth/logout-all', path: '/auth/logout-all', expect: anyUser(204) },
  { method: 'GET', route: '/audit', path: '/audit?entity=events&page=1', expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'GET', route: '/me', path: '/me', expect: anyUser(200) },
  { method: 'GET', route: '/users', path: '/users?role=secretary&town=%E5%89%91%E5%8D%97%E8%A1%97%E9%81%93', expect: organiserOnly(200), townOrganiser: 200 },

  // Events: a town-limited event is invisible (404) to a secretary of another town.
  { method: 'GET', route: '/events', path: '/events?type=exchange&when=all&page=1&pageSize=5', expect: anyUser(200) },
  { method: 'GET', route: '/events/:id', path: '/events/evt-exchange-mountain', ...MOUNTAIN, expect: anyUser(200, 404) },
  {
    method: 'POST',
    route: '/events',
    path: '/events',
    body: {
      type: 'lecture',
      title: '强村讲堂：集体经济项目谋划',
      description: '讲解集体经济项目的谋划与申报。\n请带上本村台账。',
      venue: { name: '绵竹市委党校报告厅', address: '绵竹市剑南街道棋盘街 8 号', lat: 31.3386, lng: 104.2205 },
      startAt: at(48 * HOUR),
      endAt: at(50 * HOUR),
      signupDeadline: at(24 * HOUR),
      capacity: 30,
      credits: 2,
      audience: { towns: [] },
    },
    expect: organiserOnly(201),
    townOrganiser: 400,
  },
  { method: 'PATCH', route: '/events/:id', path: '/events/evt-lecture-open', body: { title: '强村讲堂：飞地经济（改期版）', capacity: 90 }, expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'POST', route: '/events/:id/cancel', path: '/events/evt-lecture-open/cancel', body: { reason: '场地冲突，另行通知' }, expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'POST', route: '/events/:id/registration', path: '/events/evt-exchange-mountain/registration', ...MOUNTAIN, body: {}, expect: secretaryOnly(201, 404) },
  { method: 'DELETE', route: '/events/:id/registration', path: '/events/evt-exchange-mountain/registration', ...MOUNTAIN, setup: registerOnMountain, expect: secretaryOnly(200, 404) },
  { method: 'POST', route: '/events/:id/leave', path: '/events/evt-exchange-mountain/leave', ...MOUNTAIN, setup: registerOnMountain, body: { reason: '村里防汛值班' }, expect: secretaryOnly(200, 404) },
  { method: 'GET', route: '/events/:id/registrations', path: '/events/evt-lecture-full/registrations?page=1&pageSize=20', expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'GET', route: '/events/:id/registrations.csv', path: '/events/evt-lecture-full/registrations.csv', expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'GET', route: '/events/:id/checkin-code', path: '/events/evt-field-today/checkin-code', expect: organiserOnly(200), townOrganiser: 403 },
  {
    // u-s01 is registered for today's 现场拉练 (check-in open at PINNED_NOW); u-s21 (天池镇) is not.
    method: 'POST',
    route: '/events/:id/checkin',
    path: '/events/evt-field-today/checkin',
    other: 'u-s21',
    bodyOf: async (api) => {
      const event = (await storedEvent(api, 'evt-field-today'))!
      // At the venue: it has coordinates, so a location is required (API.md v1.1).
      return { code: checkinCode(event, checkinSlot(api.mock.clock.now())), location: { lat: event.venue.lat, lng: event.venue.lng } }
    },
    expect: secretaryOnly(200, 409),
  },
  { method: 'PUT', route: '/events/:id/attendance/:userId', path: '/events/evt-lecture-full/attendance/u-s02', body: { attendance: 'leave', note: '电话请假' }, expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'GET', route: '/me/attendance', path: '/me/attendance?year=2026', expect: secretaryOnly(200) },

  // Notifications: ntf-seed-1 is u-s05's; anyone else reading it gets 404.
  { method: 'GET', route: '/me/notifications', path: '/me/notifications?page=1&pageSize=10', expect: anyUser(200) },
  { method: 'POST', route: '/me/notifications/read-all', path: '/me/notifications/read-all', expect: anyUser(204) },
  { method: 'POST', route: '/me/notifications/:id/read', path: '/me/notifications/ntf-seed-1/read', ...MOUNTAIN, expect: anyUser(204, 404, 404) },

  // Commitments: u-s02 holds a draft, u-s04 a returned (complete) sheet, u-s05 an approved one; u-s01 none.
  { method: 'GET', route: '/me/commitments/:year', path: '/me/commitments/2026', owner: 'u-s02', other: 'u-s01', expect: secretaryOnly(200, 404) },
  { method: 'PUT', route: '/me/commitments/:year', path: '/me/commitments/2026', owner: 'u-s02', other: 'u-s01', body: { items: completeItems(3) }, expect: secretaryOnly(200, 201) },
  { method: 'POST', route: '/me/commitments/:year/submit', path: '/me/commitments/2026/submit', owner: 'u-s04', other: 'u-s01', expect: secretaryOnly(200, 404) },
  {
    method: 'PUT',
    route: '/me/commitments/:year/items/:itemId/progress/:quarter',
    path: '/me/commitments/2026/items/itm-2026-5-1/progress/4',
    owner: 'u-s05',
    other: 'u-s06',
    body: { percent: 80, note: '第四季度完成签约', photos: [] },
    expect: secretaryOnly(200, 404),
  },
  { method: 'GET', route: '/commitments', path: '/commitments?year=2026&status=submitted', expect: organiserOnly(200), townOrganiser: 200 },
  { method: 'GET', route: '/commitments/:id', path: '/commitments/cmt-2026-u-s05', expect: organiserOnly(200), townOrganiser: 404 },
  { method: 'POST', route: '/commitments/:id/review', path: '/commitments/cmt-2026-u-s03/review', body: { decision: 'approve', comment: '目标具体，同意' }, expect: organiserOnly(200), townOrganiser: 404 },

  // Scores and the assessment.
  { method: 'PUT', route: '/reviews/:year/:quarter/:userId', path: '/reviews/2026/4/u-s01', body: { score: 88.5, comment: '汇报清楚' }, expect: organiserOnly(200), townOrganiser: 404 },
  { method: 'GET', route: '/reviews/:year/:quarter', path: '/reviews/2026/3?page=1', expect: organiserOnly(200), townOrganiser: 200 },
  { method: 'GET', route: '/me/scores', path: '/me/scores?year=2025', expect: secretaryOnly(200) },
  { method: 'GET', route: '/assessments/:year', path: '/assessments/2025', expect: organiserOnly(200), townOrganiser: 200 },

  // Honours, theme month, uploads.
  { method: 'GET', route: '/honours', path: '/honours?year=2026&type=innovation', expect: anyUser(200) },
  { method: 'GET', route: '/honours/:id', path: '/honours/hon-2026-inn-01', expect: anyUser(200) },
  { method: 'GET', route: '/me/honours', path: '/me/honours', expect: secretaryOnly(200) },
  {
    method: 'POST',
    route: '/honours',
    path: '/honours',
    body: { year: 2027, type: 'excellent', title: '2027年度优秀村（社区）党组织书记', recipientId: 'u-s01', citation: '履职承诺项项兑现，群众满意度全镇第一。' },
    expect: organiserOnly(201),
    townOrganiser: 403,
  },
  { method: 'GET', route: '/theme-months/:year', path: '/theme-months/2026', expect: anyUser(200) },
  { method: 'POST', route: '/uploads', path: '/uploads', upload: true, expect: anyUser(201) },
  // 选拔任用 (API.md v1.1): the bank and exams are the city's; attempts their owner's.
  { method: 'GET', route: '/questions', path: '/questions?module=%E6%B3%95%E5%BE%8B%E6%B3%95%E8%A7%84&page=1', expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'POST', route: '/questions', path: '/questions', body: QUESTION, expect: organiserOnly(201), townOrganiser: 403 },
  { method: 'POST', route: '/questions/import', path: '/questions/import', csv: IMPORT_CSV, expect: organiserOnly(201), townOrganiser: 403 },
  { method: 'PUT', route: '/questions/:id', path: '/questions/q-sample', setup: addSpareQuestion, body: QUESTION, expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'DELETE', route: '/questions/:id', path: '/questions/q-sample', setup: addSpareQuestion, expect: organiserOnly(204), townOrganiser: 403 },
  {
    method: 'POST',
    route: '/exams',
    path: '/exams',
    body: {
      title: '2026 年任职资格测试（补考）',
      purpose: 'qualification',
      opensAt: at(HOUR),
      closesAt: at(48 * HOUR),
      durationMinutes: 60,
      passScore: 60,
      maxAttempts: 1,
      blueprint: [{ module: '政策理论', kind: 'single', count: 20, points: 5 }],
      audience: { towns: [] },
      status: 'draft',
    },
    expect: organiserOnly(201),
    townOrganiser: 403,
  },
  { method: 'PATCH', route: '/exams/:id', path: '/exams/exam-practice', body: { title: '一会一练：每周练习' }, expect: organiserOnly(200), townOrganiser: 403 },
  { method: 'GET', route: '/exams', path: '/exams?page=1', expect: anyUser(200) },
  { method: 'GET', route: '/exams/:id', path: '/exams/exam-practice', expect: anyUser(200) },
  { method: 'POST', route: '/exams/:id/attempts', path: '/exams/exam-practice/attempts', expect: secretaryOnly(201) },
  { method: 'PUT', route: '/attempts/:id/answers', path: '/attempts/att-sample/answers', setup: startPractice, body: { answers: {} }, expect: secretaryOnly(200, 404) },
  { method: 'POST', route: '/attempts/:id/submit', path: '/attempts/att-sample/submit', setup: startPractice, expect: secretaryOnly(200, 404) },
  { method: 'POST', route: '/attempts/:id/left-app', path: '/attempts/att-sample/left-app', setup: startPractice, expect: secretaryOnly(200, 404) },
  { method: 'GET', route: '/attempts/:id', path: '/attempts/att-sample', setup: startPractice, expect: anyUser(200, 404, 200) },
  { method: 'GET', route: '/me/attempts', path: '/me/attempts?page=1', setup: startPractice, expect: secretaryOnly(200) },
  { method: 'GET', route: '/exams/:id/results', path: '/exams/exam-2026-qualification/results', expect: organiserOnly(200), townOrganiser: 200 },
  { method: 'GET', route: '/exams/:id/results.csv', path: '/exams/exam-2026-qualification/results.csv', expect: organiserOnly(200), townOrganiser: 200 },
  // u-s06 is a secretary of 清平镇: its organiser may grant them a retake too.
  { method: 'POST', route: '/exams/:id/retakes', path: '/exams/exam-2026-qualification/retakes', body: { userId: 'u-s06', reason: '考试当天值班' }, expect: organiserOnly(201), townOrganiser: 201 },
  { method: 'GET', route: '/me/recommendations', path: '/me/recommendations?page=1', expect: anyUser(200) },
]

/** Restores the seed at PINNED_NOW and returns a token per caller of the sample (sessions put straight in the store). */
export async function resetFor(api: MockApi, sample: EndpointSample): Promise<Record<Caller, string | undefined>> {
  api.setNow(PINNED_NOW)
  const reset = await api.call('POST', '/__mock/reset')
  if (reset.status !== 204) throw new Error(`reset failed: ${reset.status}`)
  await sample.setup?.(api)
  return {
    anonymous: undefined,
    secretary: await signIn(api, sample.owner ?? 'u-s01'),
    otherSecretary: await signIn(api, sample.other ?? 'u-s02'),
    organiser: await signIn(api, ORGANISER_ID),
  }
}

/** A session for a user, put straight into the store (faster than SMS login, and no rate limit). */
export async function signIn(api: MockApi, userId: string): Promise<string> {
  const token = `token-${userId}`
  const { deleteSession, insertSession } = await import('../../mock/repos/sessions')
  await api.mock.write(async (tx) => {
    await deleteSession(tx, token)
    await insertSession(tx, token, { userId, createdAt: api.mock.clock.now() })
  })
  return token
}

/** The body a sample sends (evaluated against the current store). */
export async function sampleBody(api: MockApi, sample: EndpointSample): Promise<unknown> {
  return sample.bodyOf ? await sample.bodyOf(api) : (sample.csv ?? sample.body)
}

/** Sends a sample request as a caller; the upload sample sends a multipart tiny PNG. */
export async function callSample(
  api: MockApi,
  sample: EndpointSample,
  token: string | undefined,
  opts: { body?: unknown; headers?: Record<string, string>; file?: Buffer } = {},
): Promise<{ status: number; body: any; text: string }> {
  const headers: Record<string, string> = { ...opts.headers }
  if (token) headers.Authorization = `Bearer ${token}`
  let payload: BodyInit | undefined
  if (sample.upload) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(opts.file ?? TINY_PNG)], { type: 'image/png' }), 'photo.png')
    payload = form
  } else if (sample.csv !== undefined) {
    payload = String('body' in opts ? opts.body : sample.csv)
    headers['Content-Type'] = 'text/csv; charset=utf-8'
  } else {
    const body = 'body' in opts ? opts.body : await sampleBody(api, sample)
    if (body !== undefined) {
      payload = JSON.stringify(body)
      headers['Content-Type'] = 'application/json'
    }
  }
  const res = await fetch(api.base + sample.path, { method: sample.method, headers, body: payload })
  const text = await res.text()
  let body: any = text
  if (text && (res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text)
  return { status: res.status, body, text }
}

/** `METHOD /pattern`, the key of a route. */
export const routeKey = (r: { method: string; path?: string; route?: string }) => `${r.method} ${r.route ?? r.path}`

/** The caller a sample is meant for: the owner secretary, else the organiser, else (public routes) nobody. */
export function callerFor(sample: EndpointSample): Caller {
  const ok = (c: Caller) => sample.expect[c] < 300
  return ok('secretary') ? 'secretary' : ok('organiser') ? 'organiser' : 'anonymous'
}
