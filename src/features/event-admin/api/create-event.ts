import { apiClient } from '@/api/client'
import { eventSchema } from '@/api/contract/event'
import type { CreateEventPayload } from '../lib/event-form'

/** Posts an event, as a draft or published (POST /events); the key makes a retried tap safe. */
export function createEvent(body: CreateEventPayload, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: '/events', body, schema: eventSchema, idempotencyKey })
}
