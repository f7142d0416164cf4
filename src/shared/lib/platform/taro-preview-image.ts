import Taro from '@tarojs/taro'

/** Opens the platform's full-screen photo viewer at `current`. */
export function taroPreviewImage(urls: string[], current: string): void {
  void Taro.previewImage({ urls, current })
}
