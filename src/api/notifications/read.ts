import { createId } from '@/shared/lib/id'
import { apiClient } from '../client'

// Marking read: part of ../notifications.ts, called only by 消息 (packages/common), so kept apart to stay out
// of the main package, which asks only for the unread count.

/** Marks every notification of the caller read (POST /me/notifications/read-all → 204); repeating it is harmless. */
export function markAllRead() {
  return apiClient({ method: 'POST', path: '/me/notifications/read-all', idempotencyKey: createId() })
}

/** Marks one notification read (POST /me/notifications/:id/read → 204); repeating it is harmless. */
export function markNotificationRead(id: string) {
  return apiClient({ method: 'POST', path: `/me/notifications/${encodeURIComponent(id)}/read`, idempotencyKey: createId() })
}
