import Taro from '@tarojs/taro'

/** weapp: how far below the top of the window the element with `id` starts, in real px (null when not found). */
export function measureTop(id: string): Promise<number | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .boundingClientRect()
      .exec((result: ({ top?: number } | null)[]) => resolve(result?.[0]?.top ?? null))
  })
}
