import { apiClient } from '@/api/client'
import { eventPageSchema, type EventWhen } from '@/api/contract/event'

/** A page of every event, drafts and cancelled ones included, for 活动管理 (GET /events as an organiser). */
export function getEvents(query: { when: EventWhen; page: number; pageSize: number }) {
  return apiClient({ method: 'GET', path: '/events', query, schema: eventPageSchema })
}
