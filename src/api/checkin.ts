import { apiClient } from './client'
import { checkinResultSchema, type CheckinBody } from './contract/event'

// 签到 (mock/routes/checkin.ts): GET /events/:id/checkin-code, POST /events/:id/checkin.
// The organisers' code is in ./checkin/code.ts, re-exported here: import every call from this module.

export { getCheckinCode } from './checkin/code'

/** Checks the caller in with the organiser's code (POST /events/:id/checkin); the key makes retries of one tap safe. */
export function checkIn(eventId: string, body: CheckinBody, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/events/${encodeURIComponent(eventId)}/checkin`, body, schema: checkinResultSchema, idempotencyKey })
}
