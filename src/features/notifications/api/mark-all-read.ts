import { apiClient } from '@/api/client'
import { createId } from '@/shared/lib/id'

/** Marks every notification of the caller read (POST /me/notifications/read-all → 204). */
export function markAllRead() {
  return apiClient({ method: 'POST', path: '/me/notifications/read-all', idempotencyKey: createId() })
}
