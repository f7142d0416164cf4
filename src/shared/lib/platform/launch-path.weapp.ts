import Taro from '@tarojs/taro'

/** The page the mini-program was opened on (`pages/home/index`), from WeChat's launch options. */
export function launchPath(): string {
  try {
    return Taro.getLaunchOptionsSync().path.replace(/^\//, '')
  } catch {
    return ''
  }
}
