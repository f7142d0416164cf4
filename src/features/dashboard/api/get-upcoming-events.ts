import { apiClient } from '@/api/client'
import { eventPageSchema } from '@/api/contract/event'

/** Events that have not ended, soonest first (GET /events?when=upcoming): organisers see them all. */
export function getUpcomingEvents() {
  return apiClient({ method: 'GET', path: '/events', query: { when: 'upcoming', pageSize: 100 }, schema: eventPageSchema })
}
