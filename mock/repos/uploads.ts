import type { UploadRecord } from '../db'
import { uploadRecord, uploadRow } from '../db/rows'
import type { Tx } from './tx'

/** The record of an uploaded file by its stored name, if any. */
export async function findUpload(tx: Tx, name: string): Promise<UploadRecord | undefined> {
  const row = await tx.selectFrom('uploads').selectAll().where('name', '=', name).executeTakeFirst()
  return row && uploadRecord(row)
}

/** Adds the record of an uploaded file (its bytes are written to the upload folder by the caller). */
export async function insertUpload(tx: Tx, record: UploadRecord): Promise<void> {
  await tx.insertInto('uploads').values(uploadRow(record)).execute()
}

/** A user's uploads: how many since `since`, the oldest of those, and the bytes of all they ever kept. */
export async function uploadUsage(tx: Tx, ownerId: string, since: number): Promise<{ recent: number; oldestRecent?: number; totalBytes: number }> {
  const recent = await tx
    .selectFrom('uploads')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('owner_id', '=', ownerId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow()
  const total = await tx
    .selectFrom('uploads')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('bytes'), eb.val('0')).as('bytes'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow()
  return {
    recent: Number(recent.n),
    ...(recent.oldest !== null ? { oldestRecent: Number(recent.oldest) } : {}),
    totalBytes: Number(total.bytes),
  }
}
