import { apiClient } from '@/api/client'
import { registrationSchema } from '@/api/contract/event'

/** Withdraws the caller's sign-up (DELETE /events/:id/registration). */
export function cancelRegistration(eventId: string, idempotencyKey: string) {
  return apiClient({
    method: 'DELETE',
    path: `/events/${encodeURIComponent(eventId)}/registration`,
    schema: registrationSchema,
    idempotencyKey,
  })
}
