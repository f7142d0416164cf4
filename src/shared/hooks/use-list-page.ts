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
  // A show after a hide is a return (a mounted component always hears the hide). Counting the first
  // show instead would depend on whether it reaches a component that mounts as the page shows (65d36aa),
  // and a second show at start-up would send a second request for nothing.
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (refreshOnReturn && hidden.current) void list.refresh()
    hidden.current = false
  })
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => list.loadMore())
}
