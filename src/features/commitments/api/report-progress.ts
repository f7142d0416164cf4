import { apiClient } from '@/api/client'
import { commitmentSchema, type ProgressBody } from '@/api/contract/commitment'

/** Reports (or replaces) an item's progress of a quarter (PUT /me/commitments/:year/items/:itemId/progress/:quarter). */
export function reportProgress(year: number, itemId: string, quarter: number, body: ProgressBody, idempotencyKey: string) {
  return apiClient({
    method: 'PUT',
    path: `/me/commitments/${year}/items/${encodeURIComponent(itemId)}/progress/${quarter}`,
    body,
    schema: commitmentSchema,
    idempotencyKey,
  })
}
