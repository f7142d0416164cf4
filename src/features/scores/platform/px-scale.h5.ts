import Taro from '@tarojs/taro'

/**
 * Real pixels per design pixel on H5: Taro's rem root is 20 px × min(width, height) / 375, kept
 * between 20 and 40 px (the script in index.html), so the scale is that over 20.
 */
export function pxScale(): number {
  const { windowWidth, windowHeight } = Taro.getWindowInfo()
  const side = Math.min(...[windowWidth, windowHeight].filter((v) => v > 0))
  return Number.isFinite(side) ? Math.min(2, Math.max(1, side / 375)) : 1
}
