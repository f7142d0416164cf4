import { apiClient } from '@/api/client'
import { checkinResultSchema, type CheckinBody } from '@/api/contract/event'

/** Checks the caller in with the organiser's code (POST /events/:id/checkin); the key makes retries of one tap safe. */
export function checkIn(eventId: string, body: CheckinBody, idempotencyKey: string) {
  return apiClient({
    method: 'POST',
    path: `/events/${encodeURIComponent(eventId)}/checkin`,
    body,
    schema: checkinResultSchema,
    idempotencyKey,
  })
}
