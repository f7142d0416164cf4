import { expect, type Locator, type Page } from '@playwright/test'

/** Restores the mock's seed so that every test starts from the same data. */
export async function resetMock(page: Page): Promise<void> {
  const res = await page.request.post('/__mock/reset')
  expect(res.status()).toBe(204)
}

/** Logs in through the 登录 screen with a demo phone and the mock's code. */
export async function loginAs(page: Page, phone: string): Promise<void> {
  await page.goto('/')
  await expect(page.getByText('获取验证码')).toBeVisible()
  await page.locator('input[placeholder="请输入 11 位手机号"]').fill(phone)
  await page.locator('input[placeholder="6 位验证码"]').fill('123456')
  await tap(page, '登录')
  await expect(page.getByText('您好')).toBeVisible()
}

/** The visible element with exactly this text: Taro's H5 router keeps earlier pages in the DOM, hidden. */
export function visibleText(page: Page, text: string): Locator {
  return page.getByText(text, { exact: true }).filter({ visible: true }).first()
}

/** Waits for Taro's page transition to end (one page shown), then taps the visible text. */
export async function tap(page: Page, text: string): Promise<void> {
  await expect(page.locator('.taro_page:visible')).toHaveCount(1)
  await visibleText(page, text).click()
}
