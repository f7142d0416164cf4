// Default build of system-font for Jest and tsc; Taro picks system-font.h5.ts or system-font.weapp.ts per platform.
export { HAS_SYSTEM_FONT_SETTING, systemPrefersLargeText } from './system-font.h5'
