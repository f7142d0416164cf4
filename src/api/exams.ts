import { apiClient, apiUrl, authHeader } from './client'
import {
  attemptSchema,
  attemptSummaryPageSchema,
  examPageSchema,
  examResultsSchema,
  examSchema,
  importAnswerSchema,
  questionPageSchema,
  questionSchema,
  retakeSchema,
  type ExamModule,
  type QuestionBody,
} from './contract/exam'

// 选拔任用 (mock/routes/exams.ts, API.md v1.1): exams and attempts for secretaries; the bank, results
// and retakes for organisers.

const id = (s: string) => encodeURIComponent(s)

/** Exams the caller may see; secretaries get `myAttempts` and `attemptsLeft` (GET /exams). */
export function listExams(page = 1) {
  return apiClient({ method: 'GET', path: '/exams', query: { page, pageSize: 50 }, schema: examPageSchema })
}

/** One exam (GET /exams/:id). */
export function getExam(examId: string) {
  return apiClient({ method: 'GET', path: `/exams/${id(examId)}`, schema: examSchema })
}

/** Starts an attempt, or resumes the one in progress (POST /exams/:id/attempts: 201 new, 200 resumed). */
export function startAttempt(examId: string, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/exams/${id(examId)}/attempts`, schema: attemptSchema, idempotencyKey })
}

/** One attempt with its paper (GET /attempts/:id). */
export function getAttempt(attemptId: string) {
  return apiClient({ method: 'GET', path: `/attempts/${id(attemptId)}`, schema: attemptSchema })
}

/** Saves answers, merged into those already saved (PUT /attempts/:id/answers). */
export function saveAnswers(attemptId: string, answers: Record<string, string[]>, idempotencyKey: string) {
  return apiClient({ method: 'PUT', path: `/attempts/${id(attemptId)}/answers`, body: { answers }, schema: attemptSchema, idempotencyKey })
}

/** 交卷 (POST /attempts/:id/submit). */
export function submitAttempt(attemptId: string, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/attempts/${id(attemptId)}/submit`, schema: attemptSchema, idempotencyKey })
}

/** Counts a switch away from the app during the attempt (POST /attempts/:id/left-app). */
export function reportLeftApp(attemptId: string, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/attempts/${id(attemptId)}/left-app`, schema: attemptSchema, idempotencyKey })
}

/** The caller's own attempts, newest first (GET /me/attempts). */
export function listMyAttempts(examId?: string) {
  return apiClient({ method: 'GET', path: '/me/attempts', query: { examId, pageSize: 50 }, schema: attemptSummaryPageSchema })
}

/** A page of the question bank (GET /questions, city organisers). */
export function listQuestions(query: { module?: ExamModule; q?: string; page?: number }) {
  return apiClient({ method: 'GET', path: '/questions', query: { ...query, pageSize: 20 }, schema: questionPageSchema })
}

/** Adds a question (POST /questions). */
export function createQuestion(body: QuestionBody, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: '/questions', body, schema: questionSchema, idempotencyKey })
}

/** Replaces a question (PUT /questions/:id). */
export function updateQuestion(questionId: string, body: QuestionBody, idempotencyKey: string) {
  return apiClient({ method: 'PUT', path: `/questions/${id(questionId)}`, body, schema: questionSchema, idempotencyKey })
}

/** Removes a question (DELETE /questions/:id; 409 QUESTION_IN_USE when it is on a paper). */
export function deleteQuestion(questionId: string, idempotencyKey: string) {
  return apiClient({ method: 'DELETE', path: `/questions/${id(questionId)}`, idempotencyKey })
}

/** Imports a CSV of questions, all or nothing (POST /questions/import; ApiError.lineErrors on 400). */
export function importQuestions(csv: string, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: '/questions/import', body: csv, contentType: 'text/csv', schema: importAnswerSchema, idempotencyKey })
}

/** Results in the caller's scope (GET /exams/:id/results?town=). */
export function getExamResults(examId: string, town?: string) {
  return apiClient({ method: 'GET', path: `/exams/${id(examId)}/results`, query: { town }, schema: examResultsSchema })
}

/** Where the results' CSV is downloaded from, with the caller's credentials (GET /exams/:id/results.csv). */
export function examResultsCsvRequest(examId: string, town?: string): { url: string; header: Record<string, string> } {
  const query = town ? `?town=${encodeURIComponent(town)}` : ''
  return { url: apiUrl(`/exams/${id(examId)}/results.csv${query}`), header: authHeader() }
}

/** Grants a secretary one more attempt, with a reason (POST /exams/:id/retakes). */
export function grantRetake(examId: string, userId: string, reason: string, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: `/exams/${id(examId)}/retakes`, body: { userId, reason }, schema: retakeSchema, idempotencyKey })
}
