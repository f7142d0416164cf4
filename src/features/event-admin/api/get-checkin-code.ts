import { apiClient } from '@/api/client'
import { checkinCodeSchema } from '@/api/contract/event'

/** The event's current check-in code, when it expires, and how many have checked in (GET /events/:id/checkin-code). */
export function getCheckinCode(eventId: string) {
  return apiClient({ method: 'GET', path: `/events/${encodeURIComponent(eventId)}/checkin-code`, schema: checkinCodeSchema })
}
