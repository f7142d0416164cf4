import { z } from 'zod/mini'
import { attendanceSchema, eventSchema } from './event'

/** Query of `GET /me/attendance`. */
export const attendanceQuerySchema = z.strictObject({
  year: z.optional(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^\d{4}$/, { error: '年份应为 4 位数字' })), z.transform(Number)),
      z.number().check(z.int(), z.gte(2000, { error: '年份应在 2000–2100 之间' }), z.lte(2100, { error: '年份应在 2000–2100 之间' })),
    ),
  ),
})

/** The year's totals: counts, 出勤率 (null when nothing counts yet) and 学时. */
export const attendanceSummarySchema = z.object({
  registered: z.number().check(z.int(), z.gte(0)),
  present: z.number().check(z.int(), z.gte(0)),
  late: z.number().check(z.int(), z.gte(0)),
  leave: z.number().check(z.int(), z.gte(0)),
  absent: z.number().check(z.int(), z.gte(0)),
  rate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  credits: z.number().check(z.gte(0)),
})
export type AttendanceSummary = z.infer<typeof attendanceSummarySchema>

/** One event of the attendance record. */
export const attendanceRecordSchema = z.object({
  event: eventSchema,
  attendance: attendanceSchema,
  checkedInAt: z.optional(z.string()),
  credits: z.number().check(z.gte(0)),
})
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>

/** Answer of `GET /me/attendance`. */
export const myAttendanceSchema = z.object({
  summary: attendanceSummarySchema,
  records: z.array(attendanceRecordSchema),
})
export type MyAttendance = z.infer<typeof myAttendanceSchema>

/** 出勤率 = (present + late) / (present + late + absent), null when that is 0 — one formula for mock and client. */
export function attendanceRate(counts: { present: number; late: number; absent: number }): number | null {
  const counted = counts.present + counts.late + counts.absent
  return counted === 0 ? null : (counts.present + counts.late) / counted
}
