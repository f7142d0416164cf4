import { apiClient } from '../client'
import { eventPageSchema, type EventType, type EventWhen } from '../contract/event'

// GET /events and its presets: part of ../events.ts, apart from the event and sign-up calls because 首页 asks
// for these at launch (features/dashboard/prefetch-home.ts), so H5's first load carries them and no more.

/** Filters of GET /events. Organisers see every event, drafts and cancelled ones included. */
export type EventFilters = { type?: EventType; when?: EventWhen; q?: string; mine?: boolean; page?: number; pageSize?: number }

/** A page of events the caller may see (GET /events). */
export function getEvents(filters: EventFilters = {}) {
  // Each field by name, not `{ mine, ...rest }`: object rest would add Babel's helper to the first load.
  const { type, when, q, mine, page, pageSize } = filters
  return apiClient({
    method: 'GET',
    path: '/events',
    query: { type, when, q: q?.trim() || undefined, page, pageSize, mine: mine ? 'true' : undefined },
    schema: eventPageSchema,
  })
}

/** Events that have not ended, soonest first (organisers see them all). */
export function getUpcomingEvents() {
  return getEvents({ when: 'upcoming', pageSize: 100 })
}

/** The secretary's registered and waitlisted events that have not ended (GET /events?mine=true, README extension). */
export function getMyUpcomingEvents() {
  return getEvents({ mine: true, when: 'upcoming', pageSize: 20 })
}
