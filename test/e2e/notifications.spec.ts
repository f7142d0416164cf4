import { expect, test } from '@playwright/test'
import { apiToken, cancelRegistrationOverApi } from './notifications-support'
import { loginAs, resetMock, tap, visibleText } from './support'

const FULL_LECTURE = '强村讲堂：村级财务规范与“一张表”数字平台操作'

test.beforeEach(async ({ page }) => {
  await resetMock(page)
})

test('a secretary promoted from the waitlist sees the unread badge and the notification opens the event', async ({ page }) => {
  // u-s02 holds a seat of the full lecture; u-s07 is first on its waitlist. u-s02 withdraws over the API.
  await cancelRegistrationOverApi(page, await apiToken(page, '13800000002'), 'evt-lecture-full')

  await loginAs(page, '13800000007')
  await expect(visibleText(page, '1 条未读消息')).toBeVisible()
  // The tab bar's badge on 我的.
  await expect(page.locator('.weui-tabbar .weui-badge').filter({ visible: true })).toHaveText('1')

  await tap(page, '我的')
  await expect(page.getByLabel('1 条未读', { exact: true }).filter({ visible: true })).toBeVisible()
  // The entry reads 消息 with its badge (消息1), so it is found by class and text rather than exact text.
  await page.locator('.zs-btn').filter({ hasText: '消息', visible: true }).first().click()
  await expect(visibleText(page, '候补成功，已为您报名')).toBeVisible()
  await tap(page, '候补成功，已为您报名')

  await expect(visibleText(page, FULL_LECTURE)).toBeVisible()
  await expect(page.getByText('已报名，请按时参加').filter({ visible: true })).toBeVisible()
  // Read now: back on 我的 the badge is gone.
  await page.goBack()
  await page.goBack()
  await expect(page.getByLabel('1 条未读').filter({ visible: true })).toHaveCount(0)
})
