import { useCallback, useMemo } from 'react'
import type { Event } from '@/api/contract/event'
import { getEvents, type EventFilters } from '@/api/events'
import { usePagedList } from '@/api/kit/use-paged-list'
import { useEventsStore } from '../events-store'

const PAGE_SIZE = 20
const eventId = (e: Event) => e.id

/**
 * Loads an event list page by page; a failed refresh keeps the rows already shown. The events go
 * into the events store, and the list holds their ids, so a sign-up's new counts show everywhere.
 */
export function useEventList(filters: Omit<EventFilters, 'page' | 'pageSize'>) {
  const remember = useEventsStore((s) => s.remember)
  const { type, when, q, mine } = filters
  const fetchPage = useCallback((page: number) => getEvents({ type, when, q, mine, page, pageSize: PAGE_SIZE }), [type, when, q, mine])
  const list = usePagedList(fetchPage, eventId, (answer) => remember(answer.items))
  const ids = useMemo(() => list.items.map(eventId), [list.items])
  return { ...list, ids }
}
