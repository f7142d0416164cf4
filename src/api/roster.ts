import { apiClient, apiUrl, authHeader } from './client'
import { rosterPageSchema, rosterRowSchema } from './contract/event'

// An event's roster (mock/routes/roster.ts): GET /events/:id/registrations(.csv), PUT /events/:id/attendance/:userId.

/** Attendance an organiser may set by hand. */
export type AttendanceOverride = 'present' | 'late' | 'leave' | 'absent'

/** One page of an event's roster: every registration with attendance and audit (GET /events/:id/registrations). */
export function getRoster(eventId: string, page: number, pageSize = 100) {
  return apiClient({ method: 'GET', path: `/events/${encodeURIComponent(eventId)}/registrations`, query: { page, pageSize }, schema: rosterPageSchema })
}

/** Where the roster's CSV is downloaded from, with the caller's credentials (GET /events/:id/registrations.csv). */
export function rosterCsvRequest(eventId: string): { url: string; header: Record<string, string> } {
  return { url: apiUrl(`/events/${encodeURIComponent(eventId)}/registrations.csv`), header: authHeader() }
}

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
