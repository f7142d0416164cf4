import fs from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { LOGIN_SCREEN, ORGANISER_SCREENS, SECRETARY_SCREENS, openScreen, type Screen } from './screens'
import { loginAs, resetMock } from './support'

// Accessibility (issue 6): axe-core (WCAG 2.0 / 2.1, levels A and AA) on every screen of the H5 build —
// the 30 screens of elder-mode.spec.ts (secretary, organiser, 登录) at normal size and in 大字模式.
// Any violation of impact serious or critical fails; the counts per screen are printed, and the full
// axe results of each test are attached as JSON (test-results/e2e/<test>/axe-<role>.json).

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING = new Set(['serious', 'critical'])
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>
type Audit = { screen: string; size: '正常' | '大字'; results: AxeResults }

/**
 * Runs axe on what the user sees: the whole document (so `<html lang>`, the title and Taro's tab bar
 * count) minus the earlier pages Taro's H5 router keeps in the DOM, hidden.
 */
async function axe(page: Page): Promise<AxeResults> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.taro_page')) {
      if (getComputedStyle(el).display === 'none') el.setAttribute('data-a11y-hidden', '')
      else el.removeAttribute('data-a11y-hidden')
    }
  })
  return new AxeBuilder({ page }).withTags(TAGS).exclude('[data-a11y-hidden]').analyze()
}

/** One line per screen: how many violations of each impact, and how many rules passed. */
function summary(role: string, audit: Audit): string {
  const counts = IMPACTS.map((impact) => `${impact} ${audit.results.violations.filter((v) => v.impact === impact).length}`)
  return `a11y ${role} ${audit.screen} (${audit.size}): ${counts.join(', ')}; ${audit.results.passes.length} rules passed`
}

/** The serious and critical violations of one audit, one readable line per element. */
function blocking(role: string, audit: Audit): string[] {
  return audit.results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((n) => `${role} ${audit.screen} (${audit.size}) ${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`))
}

/** Opens each screen, runs axe and records the result; prints the counts as it goes. */
async function walk(page: Page, role: string, screens: Screen[], size: Audit['size'], audits: Audit[]): Promise<void> {
  for (const screen of screens) {
    await test.step(`${role} ${screen.name} (${size})`, async () => {
      await openScreen(page, screen.url)
      if (size === '大字') await expect(page.locator('.taro_page:visible .zs-large')).toHaveCount(1)
      const audit: Audit = { screen: screen.name, size, results: await axe(page) }
      // The screen was really analysed: rules ran on its content.
      expect(audit.results.passes.length, `${role} ${screen.name}: axe checked the screen`).toBeGreaterThan(5)
      console.log(summary(role, audit))
      audits.push(audit)
    })
  }
}

/** Turns 大字模式 on through the 设置 switch (kept on the device for every screen opened after). */
async function turnOnLargeText(page: Page): Promise<void> {
  await openScreen(page, '/packages/common/pages/settings/index')
  const toggle = page.getByRole('switch', { name: '大字模式' }).filter({ visible: true })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-checked', 'true')
}

/** Writes every audit of a test to a JSON file, attaches it, and fails on serious or critical violations. */
async function report(testInfo: TestInfo, role: string, audits: Audit[]): Promise<void> {
  const file = testInfo.outputPath(`axe-${role}.json`)
  fs.writeFileSync(file, JSON.stringify(audits.map((a) => ({ role, screen: a.screen, size: a.size, ...a.results })), null, 1))
  await testInfo.attach(`axe-${role}.json`, { path: file, contentType: 'application/json' })
  expect(audits.map((a) => blocking(role, a)).flat(), `${role}: no serious or critical axe violations`).toEqual([])
}

test.describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  test.setTimeout(600_000)

  test('every secretary screen has no serious or critical violation, at both sizes', async ({ page }, testInfo) => {
    await resetMock(page)
    await loginAs(page, '13800000001')
    const audits: Audit[] = []
    await walk(page, 'secretary', SECRETARY_SCREENS, '正常', audits)
    await turnOnLargeText(page)
    await walk(page, 'secretary', SECRETARY_SCREENS, '大字', audits)
    await report(testInfo, 'secretary', audits)
  })

  test('every organiser screen has no serious or critical violation, at both sizes', async ({ page }, testInfo) => {
    await resetMock(page)
    await loginAs(page, '13900000001')
    const audits: Audit[] = []
    await walk(page, 'organiser', ORGANISER_SCREENS, '正常', audits)
    await turnOnLargeText(page)
    await walk(page, 'organiser', ORGANISER_SCREENS, '大字', audits)
    await report(testInfo, 'organiser', audits)
  })

  test('登录 has no serious or critical violation, at both sizes', async ({ page }, testInfo) => {
    await resetMock(page)
    const audits: Audit[] = []
    await walk(page, 'guest', [LOGIN_SCREEN], '正常', audits)
    await turnOnLargeText(page)
    await walk(page, 'guest', [LOGIN_SCREEN], '大字', audits)
    await report(testInfo, 'guest', audits)
  })
})
