import { apiClient } from '@/api/client'
import { assessmentSchema } from '@/api/contract/score'

/** 年度考核 of a year: the formula and the ranking (GET /assessments/:year). */
export function getAssessment(year: number) {
  return apiClient({ method: 'GET', path: `/assessments/${year}`, schema: assessmentSchema })
}
