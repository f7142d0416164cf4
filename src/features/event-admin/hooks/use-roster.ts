import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { Event, RosterRow } from '@/api/contract/event'
import { getEvent } from '@/api/events'
import { getRoster } from '@/api/roster'
import { appendRows, replaceRow, revertRow } from '../lib/roster'

const PAGE_SIZE = 100

/** What the roster screen shows while its pages arrive. */
type RosterState = {
  event: Event | null
  rows: RosterRow[]
  total: number
  status: 'loading' | 'ready' | 'error'
  error?: string
  /** Later pages still arriving. */
  loadingRest: boolean
  /** Why a later page failed; the rows already loaded stay. */
  restError?: string
}

/**
 * An event and its whole roster, fetched 100 rows a page: the first page shows at once, the rest
 * follow one after another so a 5,000-row roster fills in without blocking the screen.
 */
export function useRoster(eventId: string) {
  const [state, setState] = useState<RosterState>({ event: null, rows: [], total: 0, status: 'loading', loadingRest: false })
  const ticket = useRef(0)
  const seen = useRef(new Set<string>())
  const nextPage = useRef(1)

  /** Fetches pages from `nextPage` on until the roster is complete or a page fails. */
  const fetchRest = useCallback(
    async (mine: number) => {
      setState((s) => ({ ...s, loadingRest: true, restError: undefined }))
      try {
        for (;;) {
          const page = await getRoster(eventId, nextPage.current, PAGE_SIZE)
          if (mine !== ticket.current) return
          nextPage.current += 1
          setState((s) => ({ ...s, rows: appendRows(s.rows, page.items, seen.current), total: page.total }))
          if (page.items.length < PAGE_SIZE || (nextPage.current - 1) * PAGE_SIZE >= page.total) break
        }
        setState((s) => ({ ...s, loadingRest: false }))
      } catch (failure) {
        if (mine !== ticket.current) return
        setState((s) => ({ ...s, loadingRest: false, restError: toApiError(failure).message }))
      }
    },
    [eventId],
  )

  const load = useCallback(async () => {
    const mine = ++ticket.current
    seen.current = new Set()
    nextPage.current = 1
    setState({ event: null, rows: [], total: 0, status: 'loading', loadingRest: false })
    try {
      const [event, first] = await Promise.all([getEvent(eventId), getRoster(eventId, 1, PAGE_SIZE)])
      if (mine !== ticket.current) return
      nextPage.current = 2
      const rows = appendRows([], first.items, seen.current)
      setState({ event, rows, total: first.total, status: 'ready', loadingRest: false })
      if (first.items.length >= PAGE_SIZE && PAGE_SIZE < first.total) await fetchRest(mine)
    } catch (failure) {
      if (mine !== ticket.current) return
      setState((s) => ({ ...s, status: 'error', error: toApiError(failure).message }))
    }
  }, [eventId, fetchRest])

  // Stable, so that rows and sheets can hold them without rendering again.
  const updateRow = useCallback((row: RosterRow) => setState((s) => ({ ...s, rows: replaceRow(s.rows, row) })), [])
  const undoRow = useCallback(
    (optimistic: RosterRow, previous: RosterRow) =>
      setState((s) => {
        const rows = revertRow(s.rows, optimistic, previous)
        return rows === s.rows ? s : { ...s, rows }
      }),
    [],
  )

  useEffect(() => {
    void load()
    return () => {
      // Unmounted: answers still on the way are dropped.
      ticket.current += 1
    }
  }, [load])

  return {
    ...state,
    reload: load,
    /** Fetches the pages that failed, from where it stopped. */
    resume: () => void fetchRest(ticket.current),
    /** Puts the server's answer (or a change on its way) for one person in place of their row. */
    updateRow,
    /** Puts a row back as it was before a change that failed, unless something newer replaced it. */
    revertRow: undoRow,
  }
}
