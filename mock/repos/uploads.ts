import type { UploadRecord } from '../db'
import type { Tx } from './tx'

/** The record of an uploaded file by its stored name, if any. */
export async function findUpload(tx: Tx, name: string): Promise<UploadRecord | undefined> {
  return tx.state.uploads.find((u) => u.name === name)
}

/** Adds the record of an uploaded file (its bytes are written to the upload folder by the caller). */
export async function insertUpload(tx: Tx, record: UploadRecord): Promise<void> {
  tx.state.uploads.push(record)
}
