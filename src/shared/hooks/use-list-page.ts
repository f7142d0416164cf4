import Taro, { useDidHide, useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef } from 'react'

/** The two things a list screen's page asks of its list. */
type ListControls = { refresh: () => Promise<unknown>; loadMore: () => void }

/**
 * Wires a list to its page: pull-down refreshes it (then stops the spinner), the bottom loads the
 * next page, and with `refreshOnReturn` a page that shows again (back from a detail page or a form,
 * where counts may have changed) refreshes it quietly; a failed refresh keeps the rows.
 */
export function useListPage(list: ListControls, { refreshOnReturn = false }: { refreshOnReturn?: boolean } = {}): void {
  // A show after a hide, or after the first show, is a return. Either alone is enough: the first
  // show may not reach a component that mounts after the page has shown.
  const shown = useRef(false)
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (refreshOnReturn && (shown.current || hidden.current)) void list.refresh()
    shown.current = true
    hidden.current = false
  })
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())
}
