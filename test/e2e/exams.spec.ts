import { expect, test, type Page } from '@playwright/test'
import { loginAs, resetMock, tap, visibleText } from './support'

// 选拔任用 in Chromium: a secretary takes the 任职资格测试, answers through an offline spell and a
// reload (the clock still running), hands in, and sees the result; an organiser then sees it in 考试成绩.

/** Taps a button of the modal Taro H5 shows for Taro.showModal. */
async function confirmModal(page: Page, text: string) {
  const modal = page.locator('.taro-modal__content').filter({ visible: true })
  await expect(modal).toBeVisible()
  await modal.locator('.taro-modal__foot').getByText(text, { exact: true }).click()
  await expect(modal).toBeHidden()
}

/**
 * Seeds at the real time: the phone counts down with its own clock, and an earlier spec may have left
 * the mock's clock elsewhere (the seed is built around the mock's now).
 */
async function resetAtNow(page: Page) {
  expect((await page.request.post('/__mock/clock', { data: { now: new Date().toISOString() } })).status()).toBe(200)
  await resetMock(page)
}

/** The option buttons of the question on screen. */
const options = (page: Page) => page.locator('.ex-option').filter({ visible: true })

test('a secretary starts the qualification exam, answers offline, reloads, resumes, hands in and sees the score per module', async ({ page, context }) => {
  await resetAtNow(page)
  await loginAs(page, '13800000001')
  await tap(page, '我的')
  await tap(page, '考试（任职资格测试·练习）')
  const card = page.locator('.ex-card', { hasText: '任职资格测试' }).filter({ visible: true }).first()
  await expect(card.getByText(/还可考 2 次/)).toBeVisible()
  await card.getByText('开始考试', { exact: true }).click()
  await confirmModal(page, '开始')

  await expect(page.getByText(/^第 1 \/ \d+ 题/).filter({ visible: true })).toBeVisible()
  await expect(page.getByText(/剩余 (59|60):\d\d/).filter({ visible: true })).toBeVisible()
  await options(page).first().click()
  await expect(options(page).first()).toHaveAttribute('aria-checked', 'true')
  await expect(visibleText(page, '答案已保存')).toBeVisible()

  // No signal: the next answer stays on the phone, and says so.
  await context.setOffline(true)
  await tap(page, '下一题')
  await expect(page.getByText(/^第 2 \//).filter({ visible: true })).toBeVisible()
  await options(page).nth(1).click()
  await expect(visibleText(page, '离线：答案已存在手机上，联网后自动上传')).toBeVisible()

  // The signal is back: it is sent (on the network event, or the 10 s retry).
  await context.setOffline(false)
  await expect(visibleText(page, '答案已保存')).toBeVisible({ timeout: 20_000 })

  // Closing the app: the same paper comes back with both answers, the time still running.
  await page.reload()
  await expect(page.getByText(/^第 1 \//).filter({ visible: true })).toBeVisible()
  await expect(page.getByText(/已答 2 题/).filter({ visible: true })).toBeVisible()
  await expect(options(page).first()).toHaveAttribute('aria-checked', 'true')

  await page.locator('.ex-paper').getByText('交卷', { exact: true }).click()
  const modal = page.locator('.taro-modal__content').filter({ visible: true })
  await expect(modal.getByText(/还有 \d+ 题未答/)).toBeVisible()
  await confirmModal(page, '交卷')

  await expect(page.getByText('分 / 100 分').filter({ visible: true })).toBeVisible()
  await expect(page.getByText(/未通过（60 分及格）|通过（60 分及格）/).filter({ visible: true })).toBeVisible()
  await expect(visibleText(page, '各模块得分')).toBeVisible()
  // The window is still open: no answers or explanations yet.
  await expect(page.getByText(/答案和解析在考试结束后/).filter({ visible: true })).toBeVisible()
  await expect(page.getByText('答案与解析', { exact: true }).filter({ visible: true })).toHaveCount(0)
})

test('an organiser opens 考试成绩, sees pass rates per town, and grants a retake with a reason', async ({ page }) => {
  await resetAtNow(page)
  await loginAs(page, '13900000001')
  await tap(page, '我的')
  await tap(page, '考试成绩与补考')
  await expect(page.getByText(/通过率 \d+%/).filter({ visible: true }).first()).toBeVisible()
  await expect(page.getByText(/未参加/).filter({ visible: true }).first()).toBeVisible()

  const row = page.locator('.xa-person').filter({ visible: true }).first()
  await expect(row.getByText(/补考 0 次/)).toBeVisible()
  await row.getByText('安排补考', { exact: true }).click()
  await row.locator('textarea, input').first().fill('考试当天防汛值班')
  await row.getByText('确定补考', { exact: true }).click()
  await expect(page.locator('.xa-person').filter({ visible: true }).first().getByText(/补考 1 次/)).toBeVisible()
})
