import { createId } from '@/shared/lib/id'
import { apiClient } from './client'
import { notificationPageSchema } from './contract/notification'

// The caller's notifications (mock/routes/notifications.ts): GET /me/notifications, POST …/read-all, POST …/:id/read.

/** A page of the caller's notifications, newest first, with the unread count (GET /me/notifications). */
export function getNotifications(page = 1, pageSize = 20) {
  return apiClient({ method: 'GET', path: '/me/notifications', query: { page, pageSize }, schema: notificationPageSchema })
}

/** Marks every notification of the caller read (POST /me/notifications/read-all → 204); repeating it is harmless. */
export function markAllRead() {
  return apiClient({ method: 'POST', path: '/me/notifications/read-all', idempotencyKey: createId() })
}

/** Marks one notification read (POST /me/notifications/:id/read → 204); repeating it is harmless. */
export function markNotificationRead(id: string) {
  return apiClient({ method: 'POST', path: `/me/notifications/${encodeURIComponent(id)}/read`, idempotencyKey: createId() })
}
