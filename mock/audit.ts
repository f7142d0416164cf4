import { randomBytes } from 'node:crypto'
import type { AuditEntity } from '../src/api/contract/audit'
import type { Tx } from './repos/tx'

// The audit log of API.md v1.1: every organiser change appends one entry in the same transaction as
// the change, so a refused or failed change leaves none. Entries are never changed or removed.

/** What an organiser changed. `before` absent: the change created it. */
export type AuditInput = {
  by: string
  at: number
  action: string
  entity: AuditEntity
  entityId: string
  before?: unknown
  after?: unknown
}

/** A stored entry. */
export type AuditRecord = AuditInput & { id: string }

/** Appends an entry. */
export async function appendAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      id: `aud-${randomBytes(8).toString('hex')}`,
      at: entry.at,
      by: entry.by,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute()
}

/** Entries, newest first, narrowed by entity, entity id (exact, or a prefix ending in `/`) and author. */
export async function listAudit(
  tx: Tx,
  filter: { entity?: string; entityId?: string; entityIdPrefix?: string; by?: string },
): Promise<AuditRecord[]> {
  let query = tx.selectFrom('audit_log').selectAll().orderBy('pos', 'desc')
  if (filter.entity) query = query.where('entity', '=', filter.entity)
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId)
  if (filter.entityIdPrefix) query = query.where('entity_id', 'like', `${filter.entityIdPrefix.replace(/[\\%_]/g, '\\$&')}%`)
  if (filter.by) query = query.where('by', '=', filter.by)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    at: Number(r.at),
    by: r.by,
    action: r.action,
    entity: r.entity as AuditEntity,
    entityId: r.entity_id,
    ...(r.before !== null ? { before: r.before } : {}),
    ...(r.after !== null ? { after: r.after } : {}),
  }))
}

/** The fields of `before` and `after` that differ (by their JSON), as two objects of those fields. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
  return { before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) }
}
