import { apiClient } from '@/api/client'
import { eventSchema } from '@/api/contract/event'
import type { UpdateEventPayload } from '../lib/event-form'

/** Changes the sent fields of an event, or publishes a draft (PATCH /events/:id). */
export function updateEvent(id: string, body: UpdateEventPayload, idempotencyKey: string) {
  return apiClient({ method: 'PATCH', path: `/events/${encodeURIComponent(id)}`, body, schema: eventSchema, idempotencyKey })
}
