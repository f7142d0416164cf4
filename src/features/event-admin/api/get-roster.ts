import { apiClient } from '@/api/client'
import { rosterPageSchema } from '@/api/contract/event'

/** One page of an event's roster: every registration with attendance and audit (GET /events/:id/registrations). */
export function getRoster(eventId: string, page: number, pageSize = 100) {
  return apiClient({
    method: 'GET',
    path: `/events/${encodeURIComponent(eventId)}/registrations`,
    query: { page, pageSize },
    schema: rosterPageSchema,
  })
}
