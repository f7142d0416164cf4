import { useCallback, useState } from 'react'
import type { Page } from '@/api/contract/common'
import type { Event, RosterRow } from '@/api/contract/event'
import { getEvent } from '@/api/events'
import { useAllPages } from '@/api/kit/use-all-pages'
import { getRoster } from '@/api/roster'
import { replaceRow, revertRow } from '../lib/roster'

const PAGE_SIZE = 100
const personOf = (row: RosterRow) => row.user.id

/** Page 1 of the roster comes with the event it belongs to. */
type RosterPage = Page<RosterRow> & { event?: Event }

/**
 * An event and its whole roster, fetched 100 rows a page: the first page shows at once, the rest
 * follow one after another so a 5,000-row roster fills in without blocking the screen.
 */
export function useRoster(eventId: string) {
  const [event, setEvent] = useState<Event | null>(null)
  const fetchPage = useCallback(async (page: number): Promise<RosterPage> => {
    if (page > 1) return getRoster(eventId, page, PAGE_SIZE)
    const [shown, first] = await Promise.all([getEvent(eventId), getRoster(eventId, 1, PAGE_SIZE)])
    return { ...first, event: shown }
  }, [eventId])
  const list = useAllPages(fetchPage, personOf, (answer) => {
    if (answer.event) setEvent(answer.event)
  })
  const { update } = list

  // Stable, so that rows and sheets can hold them without rendering again.
  const updateRow = useCallback((row: RosterRow) => update((rows) => replaceRow(rows, row)), [update])
  const undoRow = useCallback((optimistic: RosterRow, previous: RosterRow) => update((rows) => revertRow(rows, optimistic, previous)), [update])

  return {
    event,
    rows: list.items,
    total: list.total,
    status: list.status,
    error: list.error,
    loadingRest: list.loadingRest,
    /** Why a later page failed; the rows already loaded stay. */
    restError: list.staleError,
    reload: list.refresh,
    /** Fetches the pages that failed, from where it stopped. */
    resume: () => void list.retry(),
    /** Puts the server's answer (or a change on its way) for one person in place of their row. */
    updateRow,
    /** Puts a row back as it was before a change that failed, unless something newer replaced it. */
    revertRow: undoRow,
  }
}
