import { apiClient } from '@/api/client'
import { eventSchema } from '@/api/contract/event'

/** Cancels an event with the reason everyone registered or waitlisted is told (POST /events/:id/cancel). */
export function cancelEvent(id: string, reason: string, idempotencyKey: string) {
  return apiClient({
    method: 'POST',
    path: `/events/${encodeURIComponent(id)}/cancel`,
    body: { reason },
    schema: eventSchema,
    idempotencyKey,
  })
}
