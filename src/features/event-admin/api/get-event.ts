import { apiClient } from '@/api/client'
import { eventSchema } from '@/api/contract/event'

/** One event as organisers see it, drafts included (GET /events/:id). */
export function getEvent(id: string) {
  return apiClient({ method: 'GET', path: `/events/${encodeURIComponent(id)}`, schema: eventSchema })
}
