import { expect, test } from '@playwright/test'
import { createPng, fillItem, openCommitmentsTab, openPhone } from './commitments-support'
import { loginAs, resetMock, tap, visibleText } from './support'

const ITEMS = [
  { category: '集体经济', title: '壮大村集体经济', target: '村集体经济收入达到 20 万元', quarter: 4 },
  { category: '民生实事', title: '硬化通组道路', target: '硬化通组道路 3 公里', quarter: 3 },
  { category: '党建工作', title: '开好党员大会', target: '每季度召开 1 次党员大会', quarter: 4 },
]

test('a secretary writes 3 items, reloads, submits; an organiser approves; Q1 progress with a photo shows on the sheet', async ({ browser, baseURL }) => {
  const secretary = await openPhone(browser, baseURL!)
  const organiser = await openPhone(browser, baseURL!)
  await resetMock(secretary.page)

  // 履职承诺: three items, kept on the phone without 保存草稿.
  await loginAs(secretary.page, '13800000001')
  await openCommitmentsTab(secretary.page)
  await expect(secretary.page.getByText(/还没有保存过/).filter({ visible: true })).toBeVisible()
  for (const [i, item] of ITEMS.entries()) {
    await tap(secretary.page, `添加承诺事项（${i}/10）`)
    await fillItem(secretary.page, i + 1, item)
  }

  // Closing the app loses nothing.
  await secretary.page.reload()
  await expect(secretary.page.locator('input[placeholder="如：发展集体经济项目"]').filter({ visible: true })).toHaveCount(3)
  await expect(secretary.page.locator('input[placeholder="如：发展集体经济项目"]').filter({ visible: true }).nth(1)).toHaveValue('硬化通组道路')
  await expect(secretary.page.getByText('内容已保存在手机上，还没有保存到服务器。').filter({ visible: true })).toBeVisible()

  await tap(secretary.page, '提交')
  await expect(secretary.page.getByText(/已提交\s*等待组织者审核/).filter({ visible: true }).first()).toBeVisible()

  // 承诺审核 → 通过.
  const me = await (await secretary.page.request.post('/api/auth/login', { data: { phone: '13800000001', code: '123456' } })).json()
  await loginAs(organiser.page, '13900000001')
  await openCommitmentsTab(organiser.page)
  await tap(organiser.page, '承诺审核')
  await tap(organiser.page, me.user.name)
  await expect(visibleText(organiser.page, '壮大村集体经济')).toBeVisible()
  await tap(organiser.page, '通过')
  await expect(organiser.page.locator('.zs-tag').filter({ visible: true, hasText: '已通过' })).toBeVisible()

  // 填报进展 of the first item for 第1季度, with a photo.
  await secretary.page.reload()
  await expect(secretary.page.getByText(/已通过/).filter({ visible: true }).first()).toBeVisible()
  await secretary.page.getByText('填报进展', { exact: true }).filter({ visible: true }).first().click()
  await tap(secretary.page, '第1季度')
  await secretary.page.locator('input[placeholder="0–100"]').filter({ visible: true }).fill('60')
  await secretary.page.locator('textarea[placeholder="做了哪些工作、取得了什么效果"]').filter({ visible: true }).fill('完成猕猴桃基地招商签约')
  const chooser = secretary.page.waitForEvent('filechooser')
  await tap(secretary.page, '添加照片')
  await (await chooser).setFiles({ name: 'jidi.png', mimeType: 'image/png', buffer: createPng() })
  await expect(visibleText(secretary.page, '照片（1/9）')).toBeVisible()
  await expect(secretary.page.getByText('删除', { exact: true }).filter({ visible: true })).toHaveCount(1)
  await tap(secretary.page, '提交进展')

  // Back on the sheet: the timeline, the photo and the completion (60 / 3 items = 20%).
  await expect(visibleText(secretary.page, '第1季度 · 60%')).toBeVisible()
  await expect(visibleText(secretary.page, '完成猕猴桃基地招商签约')).toBeVisible()
  await expect(secretary.page.locator('.cm-photo').filter({ visible: true })).toHaveCount(1)
  await expect(visibleText(secretary.page, '20%')).toBeVisible()
  await secretary.page.screenshot({ path: 'test-results/e2e/commitment-progress.png' })

  await secretary.context.close()
  await organiser.context.close()
})
