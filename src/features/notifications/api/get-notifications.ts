import { apiClient } from '@/api/client'
import { notificationPageSchema } from '@/api/contract/notification'

/** A page of the caller's notifications, newest first, with the unread count (GET /me/notifications). */
export function getNotifications(page = 1, pageSize = 20) {
  return apiClient({ method: 'GET', path: '/me/notifications', query: { page, pageSize }, schema: notificationPageSchema })
}
