import { expect, test } from '@playwright/test'
import { loginAs, resetMock, tap, visibleText } from './support'

test.beforeEach(async ({ page }) => {
  await resetMock(page)
})

test('a secretary opens 荣誉, sees 春分 on 3月21日 in the 2027 theme month and opens a 岗位创新奖', async ({ page }, testInfo) => {
  await loginAs(page, '13800000001')
  await tap(page, '荣誉')
  // The tab opens on the theme month that is current or next; the 2027 chip shows it whatever today is (2026–2029).
  await visibleText(page, '2027年').click()
  await expect(visibleText(page, '2027 年支书主题活动月')).toBeVisible()
  await expect(visibleText(page, '3月1日–3月31日 · 春分 3月21日')).toBeVisible()

  // The wall groups honours by type, 岗位创新奖 first.
  const group = page.locator('.hn-group').filter({ visible: true }).first()
  await expect(group.locator('.hn-group__title')).toHaveText(/^岗位创新奖 · \d+ 名$/)
  const row = group.locator('.hn-row').first()
  const name = (await row.locator('.hn-row__name').textContent())?.trim() ?? ''
  await expect(row.getByText('奖金 5000 元')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('honours-wall.png'), fullPage: true })
  await row.click()

  await expect(visibleText(page, name)).toBeVisible()
  await expect(visibleText(page, '奖金 5000 元')).toBeVisible()
  const citation = page.locator('.hn-detail__citation').filter({ visible: true })
  await expect(citation).toContainText(`党组织书记${name}：`)
  await page.screenshot({ path: 'test-results/e2e/honour-detail.png', fullPage: true })
})
