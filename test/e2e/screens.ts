import { expect, type Page } from '@playwright/test'

// Every screen of the H5 app and how to open it, shared by the suites that walk them all
// (elder-mode.spec.ts: 大字模式; a11y.spec.ts: axe-core).

const YEAR = new Date().getFullYear()

/** A screen: a short name for reports and screenshots, and its hash route with ids from the mock's seed. */
export type Screen = { name: string; url: string }

/** Screens of a secretary (u-s01, phone 13800000001). */
export const SECRETARY_SCREENS: Screen[] = [
  { name: 'home', url: '/pages/home/index' },
  { name: 'events', url: '/pages/events/index' },
  { name: 'commitments', url: '/pages/commitments/index' },
  { name: 'honours', url: '/pages/honours/index' },
  { name: 'me', url: '/pages/me/index' },
  { name: 'event-detail', url: '/pages/event-detail/index?id=evt-lecture-open' },
  { name: 'event-detail-contest', url: '/pages/event-detail/index?id=evt-contest-open' },
  { name: 'my-registrations', url: '/pages/my-registrations/index' },
  { name: 'checkin', url: '/packages/secretary/pages/checkin/index?id=evt-field-today' },
  { name: 'attendance', url: '/packages/secretary/pages/attendance/index' },
  { name: 'progress', url: `/packages/secretary/pages/progress/index?itemId=itm-${YEAR}-1-1&year=${YEAR}` },
  { name: 'scores', url: '/packages/secretary/pages/scores/index' },
  { name: 'my-honours', url: '/packages/secretary/pages/my-honours/index' },
  { name: 'honour-detail', url: '/packages/common/pages/honour-detail/index?id=hon-2026-inn-01' },
  { name: 'notifications', url: '/packages/common/pages/notifications/index' },
  { name: 'settings', url: '/packages/common/pages/settings/index' },
]

/** Screens of an organiser (u-o1, phone 13900000001): the tabs they see differently and every organiser screen. */
export const ORGANISER_SCREENS: Screen[] = [
  { name: 'home', url: '/pages/home/index' },
  { name: 'commitments', url: '/pages/commitments/index' },
  { name: 'me', url: '/pages/me/index' },
  { name: 'events', url: '/packages/organiser/pages/events/index' },
  { name: 'event-form-new', url: '/packages/organiser/pages/event-form/index' },
  { name: 'event-form-edit', url: '/packages/organiser/pages/event-form/index?id=evt-contest-open' },
  { name: 'roster', url: '/packages/organiser/pages/roster/index?id=evt-field-today' },
  { name: 'checkin-code', url: '/packages/organiser/pages/checkin-code/index?id=evt-field-today' },
  { name: 'commitment-review', url: '/packages/organiser/pages/commitments/index' },
  { name: 'commitment-detail', url: `/packages/organiser/pages/commitment-detail/index?id=cmt-${YEAR}-u-s03` },
  { name: 'quarter-scores', url: '/packages/organiser/pages/quarter-scores/index' },
  { name: 'assessment', url: '/packages/organiser/pages/assessment/index' },
  { name: 'honour-form', url: '/packages/organiser/pages/honour-form/index' },
]

/** 登录, before signing in. */
export const LOGIN_SCREEN: Screen = { name: 'login', url: '/pages/login/index' }

/** Opens a screen on a fresh document (so only it is in Taro's page stack) and waits for it to settle. */
export async function openScreen(page: Page, url: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`/#${url}`)
  await expect(page.locator('.taro_page:visible')).toHaveCount(1)
  await page.waitForLoadState('networkidle')
  await expect(page.locator('.taro_page:visible [aria-busy="true"]').filter({ visible: true })).toHaveCount(0)
  // Layout after fonts and the last state update.
  await page.waitForTimeout(300)
}
