import { apiClient } from '@/api/client'
import { eventSchema } from '@/api/contract/event'

/** The event being checked in to, with the caller's registration (GET /events/:id). */
export function getEvent(id: string) {
  return apiClient({ method: 'GET', path: `/events/${encodeURIComponent(id)}`, schema: eventSchema })
}
