import Taro from '@tarojs/taro'

/** Position of 我的 in the tab bar (app.config.ts). */
export const ME_TAB_INDEX = 4

/** Badge text: the count, `99+` above 99. */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count)
}

/** Shows the unread count on the 我的 tab, or removes it at 0; a page without a tab bar ignores it. */
export function showUnreadOnTab(count: number): void {
  const done = count > 0 ? Taro.setTabBarBadge({ index: ME_TAB_INDEX, text: badgeText(count) }) : Taro.removeTabBarBadge({ index: ME_TAB_INDEX })
  // Rejected when the current page has no tab bar (e.g. opened from a link): nothing to show then.
  Promise.resolve(done).catch(() => undefined)
}
