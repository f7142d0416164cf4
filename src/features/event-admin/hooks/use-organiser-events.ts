import { useCallback } from 'react'
import type { Event, EventWhen } from '@/api/contract/event'
import { getEvents } from '@/api/events'
import { usePagedList } from '@/api/kit/use-paged-list'

const PAGE_SIZE = 20
const eventId = (e: Event) => e.id

/** Every event page by page for organisers, drafts and cancelled ones included; a failed refresh keeps the rows shown. */
export function useOrganiserEvents(when: EventWhen) {
  const fetchPage = useCallback((page: number) => getEvents({ when, page, pageSize: PAGE_SIZE }), [when])
  const list = usePagedList(fetchPage, eventId)
  return { ...list, events: list.items }
}
