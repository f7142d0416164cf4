import { apiClient } from './client'
import { eventPageSchema, eventSchema, registrationSchema, type EventType, type EventWhen } from './contract/event'

// Events and the caller's sign-up (mock/routes/events.ts): GET /events, GET /events/:id,
// POST/DELETE /events/:id/registration, POST /events/:id/leave.

/** Filters of GET /events. Organisers see every event, drafts and cancelled ones included. */
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

/** Events that have not ended, soonest first (organisers see them all). */
export function getUpcomingEvents() {
  return getEvents({ when: 'upcoming', pageSize: 100 })
}

/** The secretary's registered and waitlisted events that have not ended (GET /events?mine=true, README extension). */
export function getMyUpcomingEvents() {
  return getEvents({ mine: true, when: 'upcoming', pageSize: 20 })
}

/** One event with counts and the caller's registration; organisers also get drafts (GET /events/:id). */
export function getEvent(id: string) {
  return apiClient({ method: 'GET', path: `/events/${encodeURIComponent(id)}`, schema: eventSchema })
}

/** Signs the caller up (POST /events/:id/registration); the key makes retries of one tap safe. */
export function registerForEvent(eventId: string, idempotencyKey: string, contestItems?: string[]) {
  return apiClient({
    method: 'POST',
    path: `/events/${encodeURIComponent(eventId)}/registration`,
    body: contestItems ? { contestItems } : {},
    schema: registrationSchema,
    idempotencyKey,
  })
}

/** Withdraws the caller's sign-up (DELETE /events/:id/registration). */
export function cancelRegistration(eventId: string, idempotencyKey: string) {
  return apiClient({ method: 'DELETE', path: `/events/${encodeURIComponent(eventId)}/registration`, schema: registrationSchema, idempotencyKey })
}

/** Asks for leave (请假) before the start (POST /events/:id/leave); the seat goes to the waitlist. */
export function requestLeave(eventId: string, reason: string, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/events/${encodeURIComponent(eventId)}/leave`, body: { reason }, schema: registrationSchema, idempotencyKey })
}
