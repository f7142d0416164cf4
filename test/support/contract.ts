import type { z } from 'zod/mini'

/** Fails with zod's issues when a mock answer does not match the schema the client parses it with. */
export function expectParses(schema: z.ZodMiniType, body: unknown): void {
  const result = schema.safeParse(body)
  if (!result.success) throw new Error(JSON.stringify(result.error.issues, null, 2))
}
