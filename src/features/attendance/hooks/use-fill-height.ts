import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { nodeTop, windowSize } from '../platform/layout'

/**
 * Height in px from the top of the node `#anchorId` to the bottom of the window, less `gapPx`: the
 * fixed height a virtual list needs to fill the rest of the screen. Measured again when `deps` change.
 */
export function useFillHeight(anchorId: string, gapPx: number, deps: readonly unknown[]): number {
  const [height, setHeight] = useState(() => Math.round(windowSize().height * 0.6))
  useEffect(() => {
    let live = true
    Taro.nextTick(() => {
      void nodeTop(anchorId).then((top) => {
        if (live && top !== null) setHeight(Math.max(240, Math.round(windowSize().height - top - gapPx)))
      })
    })
    return () => {
      live = false
    }
  }, [anchorId, gapPx, ...deps])
  return height
}
