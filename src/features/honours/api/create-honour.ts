import { apiClient } from '@/api/client'
import { honourSchema, type CreateHonourBody } from '@/api/contract/honour'

/** Publishes an honour (POST /honours); the key makes retries of one tap safe. */
export function createHonour(body: CreateHonourBody, idempotencyKey: string) {
  return apiClient({ method: 'POST', path: '/honours', body, schema: honourSchema, idempotencyKey })
}
