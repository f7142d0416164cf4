import { apiClient } from './client'
import { eventSchema, registrationSchema } from './contract/event'

// Events and the caller's sign-up (mock/routes/events.ts): GET /events, GET /events/:id,
// POST/DELETE /events/:id/registration, POST /events/:id/leave.
// GET /events is in ./events/list.ts, re-exported here: import every call from this module.

export { getEvents, getMyUpcomingEvents, getUpcomingEvents, type EventFilters } from './events/list'

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
