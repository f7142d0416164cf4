import { apiClient } from '@/api/client'
import { eventPageSchema } from '@/api/contract/event'

/** The secretary's registered and waitlisted events that have not ended (GET /events?mine=true, README extension). */
export function getMyUpcomingEvents() {
  return apiClient({ method: 'GET', path: '/events', query: { mine: 'true', when: 'upcoming', pageSize: 20 }, schema: eventPageSchema })
}
