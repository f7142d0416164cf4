import { tokenHash } from '../db/seed-store'
import type { Tx } from './tx'

/** A signed-in session. */
export type SessionRecord = { userId: string; createdAt: number }

/**
 * The session of a bearer token, if it exists (looked up by the token's hash; tokens are never
 * stored), with its last recorded use, in one query: every authenticated request asks it.
 */
export async function findSession(tx: Tx, token: string): Promise<(SessionRecord & { lastUse?: number }) | undefined> {
  const row = await tx
    .selectFrom('sessions')
    .leftJoin('session_uses', 'session_uses.token_hash', 'sessions.token_hash')
    .select(['sessions.user_id', 'sessions.created_at', 'session_uses.at'])
    .where('sessions.token_hash', '=', tokenHash(token))
    .executeTakeFirst()
  if (!row) return undefined
  return { userId: row.user_id, createdAt: row.created_at, ...(row.at !== null ? { lastUse: Number(row.at) } : {}) }
}

/** Starts a session for a token. */
export async function insertSession(tx: Tx, token: string, session: SessionRecord): Promise<void> {
  await tx.insertInto('sessions').values({ token_hash: tokenHash(token), user_id: session.userId, created_at: session.createdAt }).execute()
}

/** Ends a session. */
export async function deleteSession(tx: Tx, token: string): Promise<void> {
  await tx.deleteFrom('session_uses').where('token_hash', '=', tokenHash(token)).execute()
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

/** Records a use of the session of `token` at `at`. */
export async function touchSession(tx: Tx, token: string, at: number): Promise<void> {
  const token_hash = tokenHash(token)
  await tx
    .insertInto('session_uses')
    .values({ token_hash, at })
    .onConflict((oc) => oc.column('token_hash').doUpdateSet({ at }))
    .execute()
}

/** Ends every session of a user but the newest `keep` (by the order they were started). */
export async function keepNewestSessions(tx: Tx, userId: string, keep: number): Promise<void> {
  const rows = await tx.selectFrom('sessions').select(['token_hash']).where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('token_hash').execute()
  const ended = rows.slice(keep).map((r) => r.token_hash)
  if (ended.length === 0) return
  await tx.deleteFrom('session_uses').where('token_hash', 'in', ended).execute()
  await tx.deleteFrom('sessions').where('token_hash', 'in', ended).execute()
}

/** Ends every session of a user (退出所有设备). */
export async function deleteSessionsOfUser(tx: Tx, userId: string): Promise<void> {
  const rows = await tx.selectFrom('sessions').select('token_hash').where('user_id', '=', userId).execute()
  if (rows.length === 0) return
  await tx.deleteFrom('session_uses').where('token_hash', 'in', rows.map((r) => r.token_hash)).execute()
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

/** Keeps the hash of the login code texted to `phone`, replacing an older one. */
export async function saveSmsCode(tx: Tx, phone: string, codeHash: string, expiresAt: number): Promise<void> {
  await tx
    .insertInto('sms_codes')
    .values({ phone, code_hash: codeHash, expires_at: expiresAt })
    .onConflict((oc) => oc.column('phone').doUpdateSet({ code_hash: codeHash, expires_at: expiresAt }))
    .execute()
}

/** The live login code of `phone` (its hash and expiry), if any. */
export async function findSmsCode(tx: Tx, phone: string): Promise<{ codeHash: string; expiresAt: number } | undefined> {
  const row = await tx.selectFrom('sms_codes').select(['code_hash', 'expires_at']).where('phone', '=', phone).executeTakeFirst()
  return row && { codeHash: row.code_hash, expiresAt: Number(row.expires_at) }
}

/** Voids the login code of `phone` (used, or too many wrong tries). */
export async function deleteSmsCode(tx: Tx, phone: string): Promise<void> {
  await tx.deleteFrom('sms_codes').where('phone', '=', phone).execute()
}
