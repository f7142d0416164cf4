/**
 * WeChat's 「我 → 设置 → 通用 → 字体大小」 reaches the app as `fontSizeSetting`, a px size: 16–17 is the
 * standard step (Android/iOS) and each step up adds about 2 px, to ~26. From 20 — two steps above the
 * standard — the user has asked WeChat for big text, so the app starts in 大字模式 (one step up is a
 * mild preference the normal layout already serves).
 */
export const LARGE_SYSTEM_FONT_PX = 20

/** Whether a WeChat font size setting (px) counts as large. Unknown or missing values mean normal. */
export function isLargeFontSetting(px: unknown): boolean {
  return typeof px === 'number' && Number.isFinite(px) && px >= LARGE_SYSTEM_FONT_PX
}
