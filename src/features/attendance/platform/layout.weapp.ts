import Taro from '@tarojs/taro'

/** Real pixels per design pixel: design px become rpx, so one is windowWidth / 375 px. */
export function designScale(): number {
  return windowSize().width / 375
}

/** The window's size in px. */
export function windowSize(): { width: number; height: number } {
  try {
    const { windowWidth, windowHeight } = Taro.getWindowInfo()
    return { width: windowWidth || 375, height: windowHeight || 667 }
  } catch {
    return { width: 375, height: 667 }
  }
}

/** Distance in px from the top of the window to the node with this id, or null when it is not there. */
export function nodeTop(id: string): Promise<number | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .boundingClientRect((rect) => resolve(rect && !Array.isArray(rect) ? rect.top : null))
      .exec()
  })
}
