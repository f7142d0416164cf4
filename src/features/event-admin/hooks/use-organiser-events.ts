import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { Event, EventWhen } from '@/api/contract/event'
import { getEvents } from '@/api/events'

const PAGE_SIZE = 20

/** State of 活动管理's paged list. */
type ListState = {
  events: Event[]
  total: number
  page: number
  status: 'loading' | 'ready' | 'error'
  error?: string
  loadingMore: boolean
  /** Why a refresh or the next page failed while the rows already shown stay. */
  staleError?: string
}

/** Every event page by page for organisers; a failed refresh keeps the rows already shown. */
export function useOrganiserEvents(when: EventWhen) {
  const [state, setState] = useState<ListState>({ events: [], total: 0, page: 0, status: 'loading', loadingMore: false })
  const ticket = useRef(0)

  const load = useCallback(
    async (page: number) => {
      const mine = ++ticket.current
      setState((s) => (page === 1 ? { ...s, error: undefined, staleError: undefined } : { ...s, loadingMore: true, staleError: undefined }))
      try {
        const result = await getEvents({ when, page, pageSize: PAGE_SIZE })
        if (mine !== ticket.current) return
        setState((s) => {
          const known = page === 1 ? new Set<string>() : new Set(s.events.map((e) => e.id))
          const fresh = result.items.filter((e) => !known.has(e.id))
          return { events: page === 1 ? fresh : [...s.events, ...fresh], total: result.total, page, status: 'ready', loadingMore: false }
        })
      } catch (failure) {
        if (mine !== ticket.current) return
        const message = toApiError(failure).message
        setState((s) =>
          s.status === 'ready' && s.events.length
            ? { ...s, loadingMore: false, staleError: message }
            : { ...s, status: 'error', error: message, loadingMore: false },
        )
      }
    },
    [when],
  )

  useEffect(() => {
    setState({ events: [], total: 0, page: 0, status: 'loading', loadingMore: false })
    void load(1)
  }, [load])

  const hasMore = state.status === 'ready' && state.events.length < state.total
  return {
    ...state,
    hasMore,
    refresh: () => load(1),
    loadMore: () => {
      if (hasMore && !state.loadingMore) void load(state.page + 1)
    },
  }
}
