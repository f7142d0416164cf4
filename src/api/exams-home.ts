import { z } from 'zod/mini'
import { apiClient } from './client'
import { isoDateTime, pageOf } from './contract/common'
import { recommendationsSchema } from './contract/recommendations'

// What 首页 (main package) reads of 选拔任用: the exams list, checked against only the fields the card
// shows, so the full exam contract stays in the sub-packages.

/** The part of `Exam` that 首页's card reads (the rest of the answer is ignored, not refused). */
export const homeExamSchema = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.enum(['qualification', 'practice']),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  myAttempts: z.optional(z.number()),
  attemptsLeft: z.optional(z.nullable(z.number())),
})
export type HomeExam = z.infer<typeof homeExamSchema>

/** The exams visible to the caller, for 首页 (GET /exams). */
export function listHomeExams() {
  return apiClient({ method: 'GET', path: '/exams', query: { page: 1, pageSize: 20 }, schema: pageOf(homeExamSchema) })
}

/** Lectures on the modules of the latest qualification attempt under 60 % (GET /me/recommendations). */
export function getRecommendations() {
  return apiClient({ method: 'GET', path: '/me/recommendations', query: { pageSize: 3 }, schema: recommendationsSchema })
}
