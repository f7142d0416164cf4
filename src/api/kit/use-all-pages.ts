import { useEffect, useRef } from 'react'
import type { Page } from '../contract/common'
import { usePagedList, type PagedList } from './use-paged-list'

/** A list loaded to its end, with whether pages are still to come. */
export type AllPages<T> = PagedList<T> & {
  /** More pages are on their way (none failed, the list is not complete yet). */
  loadingRest: boolean
}

/**
 * A whole list the server sends page by page (a 名单 of 5,000 rows): `usePagedList` whose next page
 * is asked for as soon as the last one arrived, so page 1 shows at once and the rest fill in. A page
 * that fails stops it, with the rows loaded so far under the 离线 notice; `retry` goes on from there.
 */
export function useAllPages<T, P extends Page<T> = Page<T>>(
  fetchPage: (page: number) => Promise<P>,
  keyOf: (item: T) => string,
  onPage?: (answer: P) => void,
): AllPages<T> {
  // The server said there is nothing after the last answer (an empty page stops a total that lies).
  const ended = useRef(false)
  const onPageRef = useRef(onPage)
  onPageRef.current = onPage
  const list = usePagedList(fetchPage, keyOf, (answer: P) => {
    ended.current = answer.items.length === 0 || answer.page * answer.pageSize >= answer.total
    onPageRef.current?.(answer)
  })
  const loadingRest = list.hasMore && !ended.current && !list.staleError
  const { loadMore, page, loadingMore } = list
  useEffect(() => {
    if (loadingRest && !loadingMore) loadMore()
    // loadMore is new on every render; the page and the flags say when to ask again.
  }, [loadingRest, loadingMore, page])
  return { ...list, loadingRest }
}
