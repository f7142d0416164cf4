import { apiClient } from './client'
import { assessmentSchema, myScoresSchema, quarterScorePageSchema, reviewScoreSchema, type ReviewScoreBody } from './contract/score'

// 季度评分 and 年度考核 (mock/routes/scores.ts): /reviews/:year/:quarter, /me/scores, /assessments/:year.

/** Enters one secretary's 季度评分 (PUT /reviews/:year/:quarter/:userId). */
export function saveQuarterScore(year: number, quarter: number, userId: string, body: ReviewScoreBody, idempotencyKey: string) {
  return apiClient({ method: 'PUT', path: `/reviews/${year}/${quarter}/${encodeURIComponent(userId)}`, body, schema: reviewScoreSchema, idempotencyKey })
}

/** The secretaries of a town with their 季度评分 so far (GET /reviews/:year/:quarter?town=). */
export function getQuarterScores(year: number, quarter: number, town: string | undefined, page = 1) {
  return apiClient({ method: 'GET', path: `/reviews/${year}/${quarter}`, query: { town, page, pageSize: 100 }, schema: quarterScorePageSchema })
}

/** The caller's quarterly scores and (after the year) assessment of a year (GET /me/scores?year=). */
export function getMyScores(year: number) {
  return apiClient({ method: 'GET', path: '/me/scores', query: { year }, schema: myScoresSchema })
}

/** 年度考核 of a year: the formula and the ranking (GET /assessments/:year). */
export function getAssessment(year: number) {
  return apiClient({ method: 'GET', path: `/assessments/${year}`, schema: assessmentSchema })
}
