import { apiClient } from '@/api/client'
import { myScoresSchema } from '@/api/contract/score'

/** The caller's quarterly scores and (after the year) assessment of a year (GET /me/scores?year=). */
export function getMyScores(year: number) {
  return apiClient({ method: 'GET', path: '/me/scores', query: { year }, schema: myScoresSchema })
}
