import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { fillItem, openCommitmentsTab } from './commitments-support'
import { loginAs, resetMock, tap, visibleText } from './support'

// Weak networks and offline, in Chromium.
//
// Slow 3G through the DevTools protocol, the numbers of DevTools' own preset: 400 ms RTT × 5 = 2,000 ms
// latency, 500 kbit/s × 0.8 = 50,000 bytes/s down and up.
//
// "Offline" cuts /api/** only (Playwright's route.abort('internetdisconnected')), not the whole context:
// the H5 app is served by the same local server as the API, and with context.setOffline(true) Chromium
// cannot even reload the page — a phone with no signal still has the mini-program's code on it.
// The nasty case — the server handled the request but the phone never heard — is route.fetch() (the
// server answers) followed by route.abort().

const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 }
const LECTURE = '强村讲堂：村集体经济“飞地经济”模式解析'
const OFFLINE_HINT = /离线：显示的是上次加载的内容/
const NETWORK_ERROR = /网络连接失败/

/** Throttles this page's traffic to Slow 3G (optionally with the cache off, for a cold load). */
async function slow3g(page: Page, { cold = false } = {}): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G)
  if (cold) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
}

/** The Idempotency-Key of every mutating request to a path matching `path`, in the order sent. */
function captureKeys(page: Page, path: RegExp): string[] {
  const keys: string[] = []
  page.on('request', (request) => {
    if (request.method() !== 'GET' && path.test(new URL(request.url()).pathname)) keys.push(request.headers()['idempotency-key'] ?? '')
  })
  return keys
}

/**
 * The first `count` mutating requests to `glob` reach the server, which handles them, and then the
 * connection drops before the phone hears the answer. Returns the answers the phone never got.
 */
async function loseAnswers(page: Page, glob: string, count: number): Promise<{ status: number; body: unknown }[]> {
  const lost: { status: number; body: unknown }[] = []
  await page.route(glob, async (route) => {
    if (route.request().method() === 'GET' || lost.length >= count) return route.fallback()
    const answer = await route.fetch()
    lost.push({ status: answer.status(), body: await answer.json().catch(() => null) })
    await route.abort('internetdisconnected')
  })
  return lost
}

/** Cuts every API request (the app's own files still load). */
async function cutApi(page: Page): Promise<void> {
  await page.route('**/api/**', (route) => route.abort('internetdisconnected'))
}

async function restoreApi(page: Page): Promise<void> {
  await page.unroute('**/api/**')
}

/** Signs in over the API (a session of its own) and returns the token and the user. */
async function apiLogin(request: APIRequestContext, phone: string): Promise<{ token: string; user: { id: string } }> {
  const res = await request.post('/api/auth/login', { data: { phone, code: '123456' } })
  expect(res.status()).toBe(200)
  return res.json()
}

type RosterRow = { user: { id: string; name: string }; status: string; attendance: string; checkedInAt?: string; audit: unknown[] }

/** Every roster row of an event, as an organiser sees it. */
async function roster(request: APIRequestContext, eventId: string): Promise<RosterRow[]> {
  const organiser = await apiLogin(request, '13900000001')
  const res = await request.get(`/api/events/${eventId}/registrations?pageSize=100`, { headers: { Authorization: `Bearer ${organiser.token}` } })
  expect(res.status()).toBe(200)
  return (await res.json()).items
}

/** Browser back once Taro's page transition has ended (going back mid-transition can leave a blank page). */
async function back(page: Page): Promise<void> {
  await expect(page.locator('.taro_page:visible')).toHaveCount(1)
  await page.goBack()
  await expect(page.locator('.taro_page:visible')).toHaveCount(1)
}

/** Opens an app route by URL once Taro's page transition has ended (a hash change mid-transition can leave a blank page). */
async function openRoute(page: Page, hash: string): Promise<void> {
  await expect(page.locator('.taro_page:visible')).toHaveCount(1)
  await page.goto(hash)
  await expect(page.locator('.taro_page:visible')).toHaveCount(1)
}

function report(figure: string, value: string | number): void {
  console.log(`[weak-network] ${figure}: ${value}`)
}

test.beforeEach(async ({ page }) => {
  // The mock's clock stays where an earlier spec froze it (checkin.spec moves it a week ahead): bring
  // it to the browser's real time, then seed, so that 今天的现场拉练 is today on both sides.
  const clock = await page.request.post('/__mock/clock', { data: { now: new Date().toISOString() } })
  expect(clock.status()).toBe(200)
  await resetMock(page)
})

test('under Slow 3G the 活动 list shows its first events, and the time it took is printed', async ({ page }) => {
  test.setTimeout(180_000)
  await loginAs(page, '13800000001')
  await tap(page, '活动')
  await expect(visibleText(page, LECTURE)).toBeVisible()

  // A cold start of the 活动 tab on Slow 3G: no cache, every file and the API over the slow link.
  await slow3g(page, { cold: true })
  const started = Date.now()
  await page.reload({ waitUntil: 'commit' })
  await expect(visibleText(page, LECTURE)).toBeVisible({ timeout: 120_000 })
  const wall = Date.now() - started
  const timing = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const paint = performance.getEntriesByName('first-contentful-paint')[0]
    return {
      sinceNavigation: Math.round(performance.now()),
      firstContentfulPaint: paint ? Math.round(paint.startTime) : null,
      requests: resources.length + 1,
      apiRequests: resources.filter((r) => new URL(r.name).pathname.startsWith('/api/')).length,
      kilobytes: Math.round(resources.reduce((sum, r) => sum + r.transferSize, 0) / 1024),
    }
  })
  report('Slow 3G (2000 ms latency, 50 KB/s down/up), cold 活动 list: first event row visible after (navigation timing)', `${timing.sinceNavigation} ms`)
  report('Slow 3G cold 活动 list: first event row visible after (wall clock, reload → visible)', `${wall} ms`)
  report('Slow 3G cold 活动 list: first contentful paint', `${timing.firstContentfulPaint ?? 'n/a'} ms`)
  report('Slow 3G cold 活动 list: requests (API) / transferred', `${timing.requests} (${timing.apiRequests}) / ${timing.kilobytes} KB`)
  // The client's 10 s timeout must not fire on a cold start: the list shows rows, not an error.
  await expect(page.getByText('加载失败').filter({ visible: true })).toHaveCount(0)
})

test('报名 on Slow 3G whose answers are lost shows 网络连接失败 with 重试, and the retry signs up once with the same key', async ({ page }) => {
  test.setTimeout(120_000)
  await loginAs(page, '13800000003')
  const me = await apiLogin(page.request, '13800000003')
  await openRoute(page, '/#/pages/event-detail/index?id=evt-lecture-open')
  await expect(visibleText(page, LECTURE)).toBeVisible()

  const keys = captureKeys(page, /^\/api\/events\/evt-lecture-open\/registration$/)
  // The client tries 3 times by itself: the server registers the first and replays the others, and
  // the phone hears none of them.
  const lost = await loseAnswers(page, '**/api/events/evt-lecture-open/registration', 3)
  await slow3g(page)
  await tap(page, '报名')
  await expect(page.locator('.ev-actions__error').filter({ visible: true })).toContainText(NETWORK_ERROR, { timeout: 60_000 })
  expect(lost).toHaveLength(3)
  expect(lost[0].status).toBe(201)
  // The server's replays of the same key: the same answer, no second registration.
  expect(lost[1]).toEqual(lost[0])
  expect(lost[2]).toEqual(lost[0])

  await tap(page, '重试')
  await expect(page.getByText('已报名，请按时参加').filter({ visible: true })).toBeVisible({ timeout: 60_000 })

  expect(keys).toHaveLength(4)
  expect(keys[0]).toMatch(/.{8,}/)
  expect(new Set(keys).size).toBe(1)
  report('报名 with lost answers: requests sent / retried (all with one Idempotency-Key)', `${keys.length} / ${keys.length - 1}`)

  const mine = (await roster(page.request, 'evt-lecture-open')).filter((row) => row.user.id === me.user.id)
  expect(mine).toHaveLength(1)
  expect(mine[0].status).toBe('registered')
})

test('签到 on Slow 3G whose answers are lost shows 网络连接失败 with 重试, and the retry checks in once with the same key', async ({ browser, baseURL }) => {
  test.setTimeout(120_000)
  // At the 汉旺 venue of the 现场拉练 under way today (u-s03 is registered, not yet checked in).
  const context = await browser.newContext({ baseURL, geolocation: { latitude: 31.4372, longitude: 104.1811 }, permissions: ['geolocation'] })
  const page = await context.newPage()
  await loginAs(page, '13800000003')
  const me = await apiLogin(page.request, '13800000003')
  const organiser = await apiLogin(page.request, '13900000001')
  const codeAnswer = await page.request.get('/api/events/evt-field-today/checkin-code', { headers: { Authorization: `Bearer ${organiser.token}` } })
  expect(codeAnswer.status()).toBe(200)
  const { code } = await codeAnswer.json()

  await openRoute(page, '/#/pages/event-detail/index?id=evt-field-today')
  await expect(visibleText(page, '现场拉练：汉旺镇武都村集体经济项目观摩')).toBeVisible()
  await tap(page, '签到')
  await page.locator('input[placeholder="6 位签到码"]').fill(code)

  const keys = captureKeys(page, /^\/api\/events\/evt-field-today\/checkin$/)
  const lost = await loseAnswers(page, '**/api/events/evt-field-today/checkin', 3)
  await slow3g(page)
  await tap(page, '签到')
  await expect(page.locator('.at-checkin__error').filter({ visible: true })).toContainText(NETWORK_ERROR, { timeout: 60_000 })
  expect(lost).toHaveLength(3)
  expect(lost[0].status).toBe(200)
  expect(lost[1]).toEqual(lost[0])
  expect(lost[2]).toEqual(lost[0])
  // The code stays typed for the retry.
  await expect(page.locator('input[placeholder="6 位签到码"]').filter({ visible: true })).toHaveValue(code)

  await tap(page, '重试')
  await expect(page.locator('.at-result__title').filter({ visible: true })).toHaveText(/已签到|迟到/, { timeout: 60_000 })

  expect(keys).toHaveLength(4)
  expect(new Set(keys).size).toBe(1)
  report('签到 with lost answers: requests sent / retried (all with one Idempotency-Key)', `${keys.length} / ${keys.length - 1}`)

  // Recorded once: one row, and its time is the first check-in's, which every replay answered with.
  const mine = (await roster(page.request, 'evt-field-today')).filter((row) => row.user.id === me.user.id)
  expect(mine).toHaveLength(1)
  expect(mine[0].attendance).toMatch(/^(present|late)$/)
  expect(mine[0].checkedInAt).toBe((lost[0].body as { checkedInAt: string }).checkedInAt)
  await context.close()
})

test('名单: one tap marks 出席 at once and it stays; with its answers lost, 重试 applies it once with the same key', async ({ page }) => {
  test.setTimeout(120_000)
  await loginAs(page, '13900000001')
  // Two people near the top of the list (in view), registered and not yet checked in.
  const pending = (await roster(page.request, 'evt-field-today')).slice(0, 6).filter((row) => row.status === 'registered' && row.attendance === 'pending')
  expect(pending.length).toBeGreaterThanOrEqual(2)
  const [first, second] = pending
  await openRoute(page, '/#/packages/organiser/pages/roster/index?id=evt-field-today')

  // One tap: the row reads 出席 and its button turns to 缺勤; after a reload the server still says so.
  await page.getByRole('button', { name: `标为出席：${first.user.name}` }).click()
  await expect(page.getByRole('button', { name: `标为缺勤：${first.user.name}` })).toBeVisible()
  await expect.poll(async () => (await roster(page.request, 'evt-field-today')).find((r) => r.user.id === first.user.id)?.attendance).toBe('present')
  await page.reload()
  await expect(page.getByRole('button', { name: `标为缺勤：${first.user.name}` })).toBeVisible()

  // The server applies the next change but the phone hears none of the client's 3 tries: the row goes back, with 重试.
  const keys = captureKeys(page, /^\/api\/events\/evt-field-today\/attendance\//)
  const lost = await loseAnswers(page, '**/api/events/evt-field-today/attendance/**', 3)
  await slow3g(page)
  await page.getByRole('button', { name: `标为出席：${second.user.name}` }).click()
  const banner = page.getByRole('alert').filter({ hasText: `${second.user.name}的出勤没有改成出席` })
  await expect(banner).toContainText(NETWORK_ERROR, { timeout: 60_000 })
  await expect(page.getByRole('button', { name: `标为出席：${second.user.name}` })).toBeVisible()
  expect(lost).toHaveLength(3)
  expect(lost[0].status).toBe(200)
  expect(lost[1]).toEqual(lost[0])

  await banner.getByRole('button', { name: '重试' }).click()
  await expect(page.getByRole('button', { name: `标为缺勤：${second.user.name}` })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(keys).toHaveLength(4)
  expect(new Set(keys).size).toBe(1)
  const row = (await roster(page.request, 'evt-field-today')).find((r) => r.user.id === second.user.id)
  expect(row?.attendance).toBe('present')
  // One change in the audit trail, not four.
  expect(row?.audit).toHaveLength(1)
  report('名单 one-tap with lost answers: requests sent / audit entries', `${keys.length} / ${row?.audit.length}`)
})

test('a commitment draft typed offline fails to save with 重试 on one key, survives a reload offline, and saves once back online', async ({ page }) => {
  test.setTimeout(120_000)
  await loginAs(page, '13800000001')
  await openCommitmentsTab(page)
  await expect(page.getByText(/还没有保存过/).filter({ visible: true })).toBeVisible()

  const year = new Date().getFullYear()
  const keys = captureKeys(page, new RegExp(`^/api/me/commitments/${year}$`))
  await cutApi(page)
  await tap(page, '添加承诺事项（0/10）')
  await fillItem(page, 1, { category: '集体经济', title: '壮大村集体经济', target: '村集体经济收入达到 20 万元', quarter: 4 })
  await tap(page, '保存草稿')
  const failure = page.locator('.cm-errors').filter({ visible: true, hasText: '保存草稿没有成功' })
  await expect(failure).toContainText(NETWORK_ERROR, { timeout: 30_000 })
  await failure.getByText('重试', { exact: true }).click()
  await expect(failure).toContainText(NETWORK_ERROR, { timeout: 30_000 })
  // 3 tries of the tap and 3 of 重试, all with one key.
  expect(keys).toHaveLength(6)
  expect(new Set(keys).size).toBe(1)
  report('保存草稿 offline: requests sent / retried (all with one Idempotency-Key)', `${keys.length} / ${keys.length - 1}`)

  // Reload with the network still cut: the app loads, says it is offline, and the draft is there.
  await page.reload()
  await expect(page.locator('.zs-stale').filter({ visible: true })).toContainText(NETWORK_ERROR, { timeout: 30_000 })
  await expect(page.locator('input[placeholder="如：发展集体经济项目"]').filter({ visible: true })).toHaveValue('壮大村集体经济')
  await expect(page.locator('textarea[placeholder="如：村集体经济收入达到 20 万元"]').filter({ visible: true })).toHaveValue('村集体经济收入达到 20 万元')

  // Back online: 保存草稿 stores it once.
  await restoreApi(page)
  await tap(page, '保存草稿')
  await expect(page.getByText('内容已保存在手机上，还没有保存到服务器。').filter({ visible: true })).toHaveCount(0, { timeout: 30_000 })
  const me = await apiLogin(page.request, '13800000001')
  const saved = await page.request.get(`/api/me/commitments/${year}`, { headers: { Authorization: `Bearer ${me.token}` } })
  expect(saved.status()).toBe(200)
  const sheet = await saved.json()
  expect(sheet.items).toHaveLength(1)
  expect(sheet.items[0].title).toBe('壮大村集体经济')
})

test('活动, 我的报名, 首页 and 出勤记录 keep their last rows with a 离线 hint when a refresh fails on the network', async ({ page }) => {
  test.setTimeout(120_000)
  let failedApiRequests = 0
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) failedApiRequests += 1
  })
  await loginAs(page, '13800000001')

  // 活动: loaded, then a detail page, then back with the network cut.
  await tap(page, '活动')
  await expect(visibleText(page, LECTURE)).toBeVisible()
  await tap(page, LECTURE)
  await expect(page.getByText('活动介绍').filter({ visible: true })).toBeVisible()
  await cutApi(page)
  await back(page)
  await expect(page.getByText(OFFLINE_HINT).filter({ visible: true })).toBeVisible({ timeout: 30_000 })
  await expect(visibleText(page, LECTURE)).toBeVisible()
  await page.screenshot({ path: 'test-results/e2e/offline-events-list.png' })
  // Back online, 重试 brings fresh rows and the hint goes.
  await restoreApi(page)
  await tap(page, '重试')
  await expect(page.getByText(OFFLINE_HINT).filter({ visible: true })).toHaveCount(0, { timeout: 30_000 })
  await expect(visibleText(page, LECTURE)).toBeVisible()

  // 我的报名 (from 活动).
  const next = '强村讲堂：基层治理“四书模式”化解农房流转纠纷'
  await tap(page, '我的报名')
  await expect(visibleText(page, next)).toBeVisible()
  await tap(page, next)
  await expect(page.getByText('活动介绍').filter({ visible: true })).toBeVisible()
  await cutApi(page)
  await back(page)
  await expect(page.getByText(OFFLINE_HINT).filter({ visible: true })).toBeVisible({ timeout: 30_000 })
  await expect(visibleText(page, next)).toBeVisible()
  await restoreApi(page)

  // 首页: its 我的报名 card, refreshed when the tab shows again.
  await back(page)
  await tap(page, '首页')
  await expect(visibleText(page, next)).toBeVisible()
  await tap(page, next)
  await expect(page.getByText('活动介绍').filter({ visible: true })).toBeVisible()
  await cutApi(page)
  await back(page)
  await expect(page.getByText(OFFLINE_HINT).filter({ visible: true }).first()).toBeVisible({ timeout: 30_000 })
  await expect(visibleText(page, next)).toBeVisible()
  await expect(page.getByText('加载失败').filter({ visible: true })).toHaveCount(0)
  await restoreApi(page)

  // 出勤记录.
  const past = '强村讲堂：农村集体经济组织财务管理'
  await openRoute(page, '/#/packages/secretary/pages/attendance/index')
  await expect(visibleText(page, past)).toBeVisible()
  await tap(page, past)
  await expect(page.getByText('活动介绍').filter({ visible: true })).toBeVisible()
  await cutApi(page)
  await back(page)
  await expect(page.getByText(OFFLINE_HINT).filter({ visible: true })).toBeVisible({ timeout: 30_000 })
  await expect(visibleText(page, past)).toBeVisible()
  report('lists offline: API requests that failed on the cut network (client retries included)', failedApiRequests)
})
