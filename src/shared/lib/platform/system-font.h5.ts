// H5 (and Jest): the browser has no WeChat font setting to follow; 大字模式 is switched by hand only.

/** No system setting on H5: normal size unless the user turns 大字模式 on. */
export function systemPrefersLargeText(): boolean {
  return false
}

/** No font setting to follow here: 设置 shows no 跟随微信字体设置. */
export const HAS_SYSTEM_FONT_SETTING = false
