import type { z } from 'zod/mini'
import { apiClient } from './client'
import { eventSchema, type createEventBodySchema, type updateEventBodySchema } from './contract/event'

// Organisers' event management (mock/routes/event-admin.ts): POST /events, PATCH /events/:id, POST /events/:id/cancel.

/** The body of POST /events once validated. */
export type CreateEventPayload = z.output<typeof createEventBodySchema>
/** The body of PATCH /events/:id once validated: only what changed. */
export type UpdateEventPayload = z.output<typeof updateEventBodySchema>

/** Posts an event, as a draft or published (POST /events); the key makes a retried tap safe. */
export function createEvent(body: CreateEventPayload, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: '/events', body, schema: eventSchema, idempotencyKey })
}

/** Changes the sent fields of an event, or publishes a draft (PATCH /events/:id). */
export function updateEvent(id: string, body: UpdateEventPayload, idempotencyKey: string) {
  return apiClient({ method: 'PATCH', path: `/events/${encodeURIComponent(id)}`, body, schema: eventSchema, idempotencyKey })
}

/** Cancels an event with the reason everyone registered or waitlisted is told (POST /events/:id/cancel). */
export function cancelEvent(id: string, reason: string, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/events/${encodeURIComponent(id)}/cancel`, body: { reason }, schema: eventSchema, idempotencyKey })
}
