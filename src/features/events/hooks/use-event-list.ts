import { useCallback, useEffect, useRef, useState } from 'react'
import { staleMessage, toApiError } from '@/api/api-error'
import { getEvents, type EventFilters } from '@/api/events'
import { useEventsStore } from '../events-store'

const PAGE_SIZE = 20

/** State of a paged event list. */
export type EventListState = {
  ids: string[]
  total: number
  page: number
  status: 'loading' | 'ready' | 'error'
  /** Why the first page failed. */
  error?: string
  loadingMore: boolean
  /** Why a refresh or the next page failed while older rows stay visible (离线 on a network failure). */
  staleError?: string
}

/** Loads an event list page by page; a failed refresh keeps the rows already shown. */
export function useEventList(filters: Omit<EventFilters, 'page' | 'pageSize'>) {
  const remember = useEventsStore((s) => s.remember)
  const [state, setState] = useState<EventListState>({ ids: [], total: 0, page: 0, status: 'loading', loadingMore: false })
  const request = useRef(0)
  const { type, when, q, mine } = filters

  const load = useCallback(
    async (page: number) => {
      const ticket = ++request.current
      setState((s) =>
        page === 1
          ? { ...s, status: s.ids.length && s.status !== 'error' ? s.status : 'loading', error: undefined, staleError: undefined }
          : { ...s, loadingMore: true, staleError: undefined },
      )
      try {
        const result = await getEvents({ type, when, q, mine, page, pageSize: PAGE_SIZE })
        if (ticket !== request.current) return
        remember(result.items)
        const fresh = result.items.map((e) => e.id)
        setState((s) => ({
          ids: page === 1 ? fresh : [...s.ids, ...fresh.filter((id) => !s.ids.includes(id))],
          total: result.total,
          page,
          status: 'ready',
          loadingMore: false,
        }))
      } catch (failure) {
        if (ticket !== request.current) return
        // Rows already shown stay, under a notice that says why (离线 when there was no connection).
        setState((s) =>
          s.ids.length && s.status === 'ready'
            ? { ...s, loadingMore: false, staleError: staleMessage(failure) }
            : { ...s, status: 'error', error: toApiError(failure).message, loadingMore: false },
        )
      }
    },
    [type, when, q, mine, remember],
  )

  useEffect(() => {
    setState({ ids: [], total: 0, page: 0, status: 'loading', loadingMore: false })
    void load(1)
  }, [load])

  const hasMore = state.status === 'ready' && state.ids.length < state.total
  return {
    ...state,
    hasMore,
    refresh: () => load(1),
    loadMore: () => {
      if (hasMore && !state.loadingMore) void load(state.page + 1)
    },
  }
}
