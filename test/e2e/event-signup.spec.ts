import { expect, test } from '@playwright/test'
import { loginAs, resetMock, tap, visibleText } from './support'

const LECTURE = '强村讲堂：村集体经济“飞地经济”模式解析'

test.beforeEach(async ({ page }) => {
  await resetMock(page)
})

test('a secretary signs up for an upcoming 强村讲堂, finds it in 我的报名 and cancels', async ({ page }, testInfo) => {
  await loginAs(page, '13800000001')

  await tap(page, '活动')
  await page.getByRole('tab', { name: '强村讲堂' }).click()
  await expect(visibleText(page, LECTURE)).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('events-list.png'), fullPage: true })
  await page.screenshot({ path: 'test-results/e2e/events-list.png', fullPage: true })

  await tap(page, LECTURE)
  await expect(page.getByText('活动介绍')).toBeVisible()
  await tap(page, '报名')
  await expect(page.getByText('已报名，请按时参加')).toBeVisible()
  await expect(visibleText(page, '已报名')).toBeVisible()

  await page.goBack()
  await tap(page, '我的报名')
  await expect(visibleText(page, LECTURE)).toBeVisible()

  await tap(page, LECTURE)
  await tap(page, '取消报名')
  await tap(page, '确定')
  await expect(visibleText(page, '报名')).toBeVisible()
})

test('a 401 sends the secretary to 登录 and back to the page they were on', async ({ page }) => {
  await loginAs(page, '13800000002')
  await page.goto('/#/pages/event-detail/index?id=evt-lecture-open')
  await expect(visibleText(page, LECTURE)).toBeVisible()
  await resetMock(page) // drops every session: the next call answers 401
  await page.reload()
  await expect(page.getByText('获取验证码')).toBeVisible()
  await page.locator('input[placeholder="请输入 11 位手机号"]').fill('13800000002')
  await page.locator('input[placeholder="6 位验证码"]').fill('123456')
  await tap(page, '登录')
  await expect(visibleText(page, LECTURE)).toBeVisible()
})

test('an expired session on 首页 goes to 登录 even when the requests started at launch answer 401 before 首页 has loaded', async ({ page }) => {
  await loginAs(page, '13800000002')
  await resetMock(page) // drops every session: the stored token now answers 401
  // 首页's own chunks arrive late (a weak network): the 401s of the requests app.js starts at launch come first.
  await page.route(/\/js\/(?!app\.|518\.|runtime\.)[^/]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await route.fallback()
  })
  const early: string[] = []
  page.on('response', (response) => {
    if (response.status() === 401) early.push(new URL(response.url()).pathname)
  })
  await page.goto('/#/pages/home/index')
  await page.reload()
  await expect(page.getByText('获取验证码')).toBeVisible()
  expect(early).toContain('/api/events')
  await page.unroute(/\/js\//)
  await page.locator('input[placeholder="请输入 11 位手机号"]').fill('13800000002')
  await page.locator('input[placeholder="6 位验证码"]').fill('123456')
  await tap(page, '登录')
  await expect(page.getByText('您好')).toBeVisible()
  await expect(page.getByText('我的报名')).toBeVisible()
})
