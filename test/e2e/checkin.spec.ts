import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { loginAs, resetMock, tap, visibleText } from './support'

const MIANZHU = { latitude: 31.3386, longitude: 104.2205 }

/** A phone of its own: a browser context with its clock under the test's control. */
async function openPhone(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, geolocation: MIANZHU, permissions: ['geolocation'] })
  await context.clock.install({ time: Date.now() })
  return { context, page: await context.newPage() }
}

test('an organiser posts a 强村讲堂, a secretary signs up, checks in with the code and sees it in 出勤记录', async ({ browser, baseURL }) => {
  const title = `强村讲堂：签到演练 ${Date.now() % 100000}`
  const organiser = await openPhone(browser, baseURL!)
  const secretary = await openPhone(browser, baseURL!)
  await resetMock(organiser.page)

  // 发布活动 with the form's own dates (a week ahead, 09:00–11:00, 学时 2).
  await loginAs(organiser.page, '13900000001')
  await tap(organiser.page, '活动管理（报名人数、候补）')
  await tap(organiser.page, '发布活动')
  await organiser.page.locator('input[placeholder="2–60 个字，如：强村讲堂：村级财务规范"]').fill(title)
  await organiser.page.locator('input[placeholder="如：绵竹市委党校报告厅"]').fill('绵竹市委党校报告厅')
  await organiser.page.locator('input[placeholder="如：绵竹市剑南街道棋盘街 8 号"]').fill('绵竹市剑南街道棋盘街 8 号')
  await organiser.page.locator('input[placeholder="如：50"]').fill('50')
  await tap(organiser.page, '发布活动')
  await expect(visibleText(organiser.page, title)).toBeVisible()

  // 报名 as a secretary.
  await loginAs(secretary.page, '13800000001')
  await tap(secretary.page, '活动')
  await secretary.page.locator('input[placeholder="搜索活动名称、地点、主讲人"]').fill(title)
  await tap(secretary.page, '搜索')
  await tap(secretary.page, title)
  await tap(secretary.page, '报名')
  await expect(secretary.page.getByText('已报名，请按时参加')).toBeVisible()
  const eventId = new URL(secretary.page.url().replace('#', '')).searchParams.get('id')!

  // Ten minutes before the start: the mock's clock and both phones' clocks move there.
  const login = await (await organiser.page.request.post('/api/auth/login', { data: { phone: '13900000002', code: '123456' } })).json()
  const event = await (await organiser.page.request.get(`/api/events/${eventId}`, { headers: { Authorization: `Bearer ${login.token}` } })).json()
  expect(event.title).toBe(title)
  const tenMinutesBefore = Date.parse(event.startAt) - 10 * 60 * 1000
  expect((await organiser.page.request.post('/__mock/clock', { data: { now: new Date(tenMinutesBefore).toISOString() } })).status()).toBe(200)
  await organiser.context.clock.setSystemTime(tenMinutesBefore)
  await secretary.context.clock.setSystemTime(tenMinutesBefore)

  // The organiser opens 签到码.
  await organiser.page.goto('/#/packages/organiser/pages/events/index')
  await expect(visibleText(organiser.page, title)).toBeVisible()
  await expect(organiser.page.locator('.taro_page:visible')).toHaveCount(1)
  const card = organiser.page.locator('.zs-card', { hasText: title }).filter({ visible: true })
  await card.getByText('签到码', { exact: true }).click()
  const digits = organiser.page.locator('.ea-code__digits').filter({ visible: true })
  await expect(digits).toHaveText(/\d/)
  const code = (await digits.innerText()).replace(/\D/g, '')
  expect(code).toMatch(/^\d{6}$/)
  await expect(organiser.page.getByText('已签到 0 / 已报名 1')).toBeVisible()

  // The secretary types it in.
  await secretary.page.goto(`/#/pages/event-detail/index?id=${eventId}`)
  await tap(secretary.page, '签到')
  await secretary.page.locator('input[placeholder="6 位签到码"]').fill(code)
  await tap(secretary.page, '签到')
  await expect(visibleText(secretary.page, '已签到')).toBeVisible()
  await secretary.page.screenshot({ path: 'test-results/e2e/checked-in.png' })

  // 出勤记录 lists it with its 学时; the organiser's live count follows.
  await tap(secretary.page, '查看出勤记录')
  await expect(visibleText(secretary.page, title)).toBeVisible()
  await expect(secretary.page.getByText('2 学时').filter({ visible: true }).first()).toBeVisible()
  await expect(organiser.page.getByText('已签到 1 / 已报名 1')).toBeVisible({ timeout: 15_000 })

  await organiser.context.close()
  await secretary.context.close()
})
