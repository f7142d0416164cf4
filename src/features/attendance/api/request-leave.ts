import { apiClient } from '@/api/client'
import { registrationSchema } from '@/api/contract/event'

/** Asks for leave (请假) before the start (POST /events/:id/leave); the seat goes to the waitlist. */
export function requestLeave(eventId: string, reason: string, idempotencyKey: string) {
  return apiClient({
    method: 'POST',
    path: `/events/${encodeURIComponent(eventId)}/leave`,
    body: { reason },
    schema: registrationSchema,
    idempotencyKey,
  })
}
