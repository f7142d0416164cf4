import { apiClient } from '../client'
import { checkinCodeSchema } from '../contract/event'

// The organisers' 签到码: part of ../checkin.ts, called only by their sub-package, so kept apart to stay out of
// the main package (which checks the secretary in).

/** The event's current check-in code, when it expires, and how many have checked in (GET /events/:id/checkin-code). */
export function getCheckinCode(eventId: string) {
  return apiClient({ method: 'GET', path: `/events/${encodeURIComponent(eventId)}/checkin-code`, schema: checkinCodeSchema })
}
