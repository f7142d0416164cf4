import { apiClient } from '@/api/client'
import { commitmentPageSchema, type CommitmentStatus } from '@/api/contract/commitment'

/** Organisers' review list: a page of sheets of a year, by status and town (GET /commitments). */
export function getCommitments(query: { year: number; status?: CommitmentStatus; town?: string; page: number; pageSize?: number }) {
  return apiClient({
    method: 'GET',
    path: '/commitments',
    query: { year: query.year, status: query.status, town: query.town, page: query.page, pageSize: query.pageSize ?? 20 },
    schema: commitmentPageSchema,
  })
}
