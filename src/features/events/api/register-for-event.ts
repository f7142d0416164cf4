import { apiClient } from '@/api/client'
import { registrationSchema } from '@/api/contract/event'

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
