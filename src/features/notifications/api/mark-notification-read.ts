import { apiClient } from '@/api/client'
import { createId } from '@/shared/lib/id'

/** Marks one notification read (POST /me/notifications/:id/read → 204). */
export function markNotificationRead(id: string) {
  return apiClient({ method: 'POST', path: `/me/notifications/${encodeURIComponent(id)}/read`, idempotencyKey: createId() })
}
