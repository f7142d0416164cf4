import { apiClient } from '@/api/client'
import { commitmentSchema, type SaveCommitmentBody } from '@/api/contract/commitment'

/** 保存草稿 (PUT /me/commitments/:year); the key makes retries of one tap safe. */
export function saveMyCommitment(year: number, body: SaveCommitmentBody, idempotencyKey: string) {
  return apiClient({ method: 'PUT', path: `/me/commitments/${year}`, body, schema: commitmentSchema, idempotencyKey })
}
