import Taro from '@tarojs/taro'

/**
 * Hides the paper from screenshots and screen recording where WeChat allows it (Android; iOS ignores
 * it). A refusal changes nothing: the paper is still shown. Returns the undo for when the page closes.
 */
export function hidePaperFromCapture(): () => void {
  const set = (visualEffect: 'hidden' | 'none') => {
    const api = (Taro as unknown as { setVisualEffectOnCapture?: (o: { visualEffect: string; fail?: () => void }) => void }).setVisualEffectOnCapture
    try {
      api?.({ visualEffect, fail: () => undefined })
    } catch {
      // Not supported on this WeChat version.
    }
  }
  set('hidden')
  return () => set('none')
}
