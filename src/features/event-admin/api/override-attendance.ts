import { apiClient } from '@/api/client'
import { rosterRowSchema } from '@/api/contract/event'

/** Attendance an organiser may set by hand. */
export type AttendanceOverride = 'present' | 'late' | 'leave' | 'absent'

/** Sets one person's attendance with a note, kept in the audit trail (PUT /events/:id/attendance/:userId). */
export function overrideAttendance(eventId: string, userId: string, attendance: AttendanceOverride, note: string, idempotencyKey: string) {
  return apiClient({
    method: 'PUT',
    path: `/events/${encodeURIComponent(eventId)}/attendance/${encodeURIComponent(userId)}`,
    body: note.trim() ? { attendance, note: note.trim() } : { attendance },
    schema: rosterRowSchema,
    idempotencyKey,
  })
}
