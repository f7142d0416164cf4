import { useCallback, useEffect, useRef, useState } from 'react'
import { staleMessage, toApiError } from '../api-error'
import type { Page } from '../contract/common'

/** What a paged list shows. */
export type PagedListState<T> = {
  items: T[]
  total: number
  /** The last page loaded (0 before the first answer). */
  page: number
  status: 'loading' | 'ready' | 'error'
  /** Why the first page failed (nothing to show). */
  error?: string
  loadingMore: boolean
  /** Why a refresh or the next page failed while the rows already shown stay (离线 on a network failure). */
  staleError?: string
}

export type PagedList<T> = PagedListState<T> & {
  hasMore: boolean
  /** Loads page 1 again; the rows shown stay until the answer replaces them. */
  refresh: () => Promise<void>
  /** Loads the next page, unless one is on its way or there is none. */
  loadMore: () => void
  /** Asks again for the page that failed last (page 1 when none did). */
  retry: () => Promise<void>
  /** Changes the rows shown in place (an item the user changed), without asking the server. */
  update: (change: (items: T[]) => T[]) => void
}

const initial = <T>(): PagedListState<T> => ({ items: [], total: 0, page: 0, status: 'loading', loadingMore: false })

/**
 * A list the server sends page by page (`{items, total, page, pageSize}`): page 1 on mount and
 * whenever `fetchPage` changes (a new filter), the next page on demand, rows deduplicated by `keyOf`.
 * An answer that arrives after a newer request (or after unmount) is dropped. A failed refresh or next
 * page keeps the rows shown under a notice that says why; with nothing shown it is an error state.
 * `onPage` sees each answer (to remember the items in a cache, or read extra fields such as `unread`).
 */
export function usePagedList<T, P extends Page<T> = Page<T>>(
  fetchPage: (page: number) => Promise<P>,
  keyOf: (item: T) => string,
  onPage?: (answer: P) => void,
): PagedList<T> {
  const [state, setState] = useState<PagedListState<T>>(initial)
  const ticket = useRef(0)
  const failedPage = useRef(1)
  // The ticket of the next page on its way (0: none); a ref, so two taps in one frame cannot both load it.
  const pageOnItsWay = useRef(0)
  // Kept in refs: a caller's inline functions must not reload the list on every render.
  const keyRef = useRef(keyOf)
  keyRef.current = keyOf
  const onPageRef = useRef(onPage)
  onPageRef.current = onPage

  const load = useCallback(
    async (page: number) => {
      const mine = ++ticket.current
      if (page > 1) pageOnItsWay.current = mine
      setState((s) =>
        page === 1
          ? { ...s, status: s.items.length && s.status !== 'error' ? s.status : 'loading', error: undefined, staleError: undefined }
          : { ...s, loadingMore: true, staleError: undefined },
      )
      try {
        const answer = await fetchPage(page)
        if (mine !== ticket.current) return
        failedPage.current = 1
        onPageRef.current?.(answer)
        setState((s) => {
          const key = keyRef.current
          const known = page === 1 ? new Set<string>() : new Set(s.items.map(key))
          const fresh = answer.items.filter((item) => !known.has(key(item)))
          return { items: page === 1 ? fresh : [...s.items, ...fresh], total: answer.total, page, status: 'ready', loadingMore: false }
        })
      } catch (failure) {
        if (mine !== ticket.current) return
        failedPage.current = page
        setState((s) =>
          s.items.length && s.status === 'ready'
            ? { ...s, loadingMore: false, staleError: staleMessage(failure) }
            : { ...s, status: 'error', error: toApiError(failure).message, loadingMore: false },
        )
      } finally {
        if (pageOnItsWay.current === mine) pageOnItsWay.current = 0
      }
    },
    [fetchPage],
  )

  useEffect(() => {
    setState(initial())
    void load(1)
    return () => {
      // A new filter or unmount: answers still on the way are dropped.
      ticket.current += 1
    }
  }, [load])

  const hasMore = state.status === 'ready' && state.items.length < state.total
  const update = useCallback((change: (items: T[]) => T[]) => setState((s) => ({ ...s, items: change(s.items) })), [])
  return {
    ...state,
    hasMore,
    refresh: () => load(1),
    retry: () => load(failedPage.current),
    loadMore: () => {
      if (hasMore && pageOnItsWay.current !== ticket.current) void load(state.page + 1)
    },
    update,
  }
}
