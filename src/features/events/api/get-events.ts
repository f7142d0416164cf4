import { apiClient } from '@/api/client'
import { eventPageSchema, type EventType, type EventWhen } from '@/api/contract/event'

/** Filters of the event list. */
export type EventFilters = { type?: EventType; when?: EventWhen; q?: string; mine?: boolean; page?: number; pageSize?: number }

/** A page of events the caller may see (GET /events). */
export function getEvents(filters: EventFilters = {}) {
  const { mine, ...rest } = filters
  return apiClient({
    method: 'GET',
    path: '/events',
    query: { ...rest, q: rest.q?.trim() || undefined, mine: mine ? 'true' : undefined },
    schema: eventPageSchema,
  })
}
