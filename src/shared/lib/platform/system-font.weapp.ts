import Taro from '@tarojs/taro'
import { isLargeFontSetting } from '../font-setting'

let cached: boolean | undefined

/** True when WeChat's font size setting is large (see font-setting.ts); read once per launch. */
export function systemPrefersLargeText(): boolean {
  if (cached === undefined) {
    try {
      cached = isLargeFontSetting(Taro.getSystemInfoSync().fontSizeSetting)
    } catch {
      cached = false
    }
  }
  return cached
}

/** This platform has a font setting to follow: 设置 offers 跟随微信字体设置. */
export const HAS_SYSTEM_FONT_SETTING = true
