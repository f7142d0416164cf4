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
