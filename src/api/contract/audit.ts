import { z } from 'zod/mini'
import { userSchema } from './auth'
import { isoDateTime, pageOf, pageQueryShape, text } from './common'

/**
 * The resources the audit log names, by their path name (API.md v1.1 "Audit"): `entityId` is the path
 * id (an event's id, `evt-1/u-s01` for an attendance, `2027/1/u-s35` for a review).
 */
export const AUDIT_ENTITIES = ['events', 'attendance', 'reviews', 'honours', 'commitments', 'questions', 'exams'] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]

/** One organiser change. `before` is absent when the change created the thing. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  by: userSchema,
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditPageSchema = pageOf(auditEntrySchema)

/** `GET /audit?entity=&entityId=&by=&page=&pageSize=`. */
export const auditQuerySchema = z.strictObject({
  entity: z.optional(z.enum(AUDIT_ENTITIES, { error: `应为 ${AUDIT_ENTITIES.join('、')} 之一` })),
  entityId: z.optional(text(1, 100)),
  by: z.optional(text(1, 60)),
  ...pageQueryShape,
})
