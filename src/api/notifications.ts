import { apiClient } from './client'
import { notificationPageSchema } from './contract/notification'

// The caller's notifications (mock/routes/notifications.ts): GET /me/notifications, POST …/read-all, POST …/:id/read.
// Marking read is in ./notifications/read.ts, re-exported here: import every call from this module.

export { markAllRead, markNotificationRead } from './notifications/read'

/** A page of the caller's notifications, newest first, with the unread count (GET /me/notifications). */
export function getNotifications(page = 1, pageSize = 20) {
  return apiClient({ method: 'GET', path: '/me/notifications', query: { page, pageSize }, schema: notificationPageSchema })
}
