import { tokenHash } from '../db/seed-store'
import type { Tx } from './tx'

/** A signed-in session. */
export type SessionRecord = { userId: string; createdAt: number }

/** The session of a bearer token, if it exists (looked up by the token's hash; tokens are never stored). */
export async function findSession(tx: Tx, token: string): Promise<SessionRecord | undefined> {
  const row = await tx.selectFrom('sessions').select(['user_id', 'created_at']).where('token_hash', '=', tokenHash(token)).executeTakeFirst()
  return row && { userId: row.user_id, createdAt: row.created_at }
}

/** Starts a session for a token. */
export async function insertSession(tx: Tx, token: string, session: SessionRecord): Promise<void> {
  await tx.insertInto('sessions').values({ token_hash: tokenHash(token), user_id: session.userId, created_at: session.createdAt }).execute()
}

/** Ends a session. */
export async function deleteSession(tx: Tx, token: string): Promise<void> {
  await tx.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute()
}

/** When an SMS code was last sent to a phone. */
export async function smsSentAt(tx: Tx, phone: string): Promise<number | undefined> {
  const row = await tx.selectFrom('sms_sent').select('at').where('phone', '=', phone).executeTakeFirst()
  return row?.at
}

/** Records that an SMS code was sent to a phone. */
export async function recordSmsSent(tx: Tx, phone: string, at: number): Promise<void> {
  await tx
    .insertInto('sms_sent')
    .values({ phone, at })
    .onConflict((oc) => oc.column('phone').doUpdateSet({ at }))
    .execute()
}
