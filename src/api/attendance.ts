import { apiClient } from './client'
import { myAttendanceSchema } from './contract/attendance'

// The caller's 出勤记录 (mock/routes/attendance.ts): GET /me/attendance.

/** The caller's 出勤记录 of one year: summary and one record per event (GET /me/attendance?year=). */
export function getMyAttendance(year: number) {
  return apiClient({ method: 'GET', path: '/me/attendance', query: { year }, schema: myAttendanceSchema })
}
