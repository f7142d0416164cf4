import { apiClient } from './client'
import { checkinCodeSchema, checkinResultSchema, type CheckinBody } from './contract/event'

// 签到 (mock/routes/checkin.ts): GET /events/:id/checkin-code, POST /events/:id/checkin.

/** The event's current check-in code, when it expires, and how many have checked in (GET /events/:id/checkin-code). */
export function getCheckinCode(eventId: string) {
  return apiClient({ method: 'GET', path: `/events/${encodeURIComponent(eventId)}/checkin-code`, schema: checkinCodeSchema })
}

/** Checks the caller in with the organiser's code (POST /events/:id/checkin); the key makes retries of one tap safe. */
export function checkIn(eventId: string, body: CheckinBody, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/events/${encodeURIComponent(eventId)}/checkin`, body, schema: checkinResultSchema, idempotencyKey })
}
