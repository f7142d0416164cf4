import Taro from '@tarojs/taro'

/** Real pixels per design pixel on weapp: Taro turns design px into rpx, 750 rpx = the window width. */
export function pxScale(): number {
  const { windowWidth } = Taro.getWindowInfo()
  return windowWidth > 0 ? windowWidth / 375 : 1
}
