import { apiClient } from '@/api/client'
import { quarterScorePageSchema } from '@/api/contract/score'

/** The secretaries of a town with their 季度评分 so far (GET /reviews/:year/:quarter?town=). */
export function getQuarterScores(year: number, quarter: number, town: string | undefined, page = 1) {
  return apiClient({ method: 'GET', path: `/reviews/${year}/${quarter}`, query: { town, page, pageSize: 100 }, schema: quarterScorePageSchema })
}
