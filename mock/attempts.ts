import type { ErrorCode } from '../src/api/contract/common'
import { limited, type HttpError } from './http'
import type { Tx } from './repos/tx'

// The attempt limits of API.md v1.1. A limit counts failures under a key (who and what they are
// about) in the database, so that every process of a deployment sees the same count and a restart
// does not clear a lock. A refusal must still commit its count: handlers answer a counted failure as
// a reply (see `refusal`) instead of throwing, which would roll the count back with everything else.

/** A limit: at most `max` failures within `windowMs`; reaching it refuses the key for `lockMs`. */
export type AttemptLimit = { max: number; windowMs: number; lockMs: number }

const MINUTE = 60_000

/** 签到: 5 wrong codes per secretary and event within 10 minutes lock check-in there for 10 minutes. */
export const CHECKIN_CODE_LIMIT: AttemptLimit = { max: 5, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE }
/** Login: 5 wrong codes for one phone within 15 minutes void its code and lock it for 15 minutes. */
export const LOGIN_PHONE_LIMIT: AttemptLimit = { max: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE }
/** Login: at most 20 failed logins per client address within 10 minutes. */
export const LOGIN_ADDRESS_LIMIT: AttemptLimit = { max: 20, windowMs: 10 * MINUTE, lockMs: 10 * MINUTE }

/** Milliseconds until `key` may try again, or 0 when it is not locked. */
export async function lockedFor(tx: Tx, key: string, now: number): Promise<number> {
  const row = await tx.selectFrom('lockouts').select('until').where('key', '=', key).executeTakeFirst()
  return row && Number(row.until) > now ? Number(row.until) - now : 0
}

/**
 * Counts a failure of `key` at `now`. When it is the `max`-th within the window, the key is locked for
 * `lockMs` (its failures are forgotten) and the answer is that lock's length in ms, else 0.
 */
export async function countFailure(tx: Tx, key: string, limit: AttemptLimit, now: number): Promise<number> {
  await tx.deleteFrom('attempts').where('key', '=', key).where('at', '<=', now - limit.windowMs).execute()
  await tx.insertInto('attempts').values({ key, at: now }).execute()
  const { n } = await tx
    .selectFrom('attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('key', '=', key)
    .executeTakeFirstOrThrow()
  if (Number(n) < limit.max) return 0
  await tx.deleteFrom('attempts').where('key', '=', key).execute()
  const until = now + limit.lockMs
  await tx
    .insertInto('lockouts')
    .values({ key, until })
    .onConflict((oc) => oc.column('key').doUpdateSet({ until }))
    .execute()
  return limit.lockMs
}

/** Forgets the failures of `key` (after a success). */
export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.deleteFrom('attempts').where('key', '=', key).execute()
}

/** 429 `code` with the wait in whole minutes in the message, as the client shows it. */
export function lockedOut(code: ErrorCode, what: string, waitMs: number): HttpError {
  const minutes = Math.max(1, Math.ceil(waitMs / MINUTE))
  return limited(code, `${what}，请 ${minutes} 分钟后再试`, waitMs)
}

/**
 * A sliding-window quota (acts such as sends, not failures): 0 when `key` may act once more at `now`,
 * else the ms until the oldest act in the window leaves it. `recordAct` counts the act.
 */
export async function windowWait(tx: Tx, key: string, max: number, windowMs: number, now: number): Promise<number> {
  await tx.deleteFrom('attempts').where('key', '=', key).where('at', '<=', now - windowMs).execute()
  const rows = await tx.selectFrom('attempts').select('at').where('key', '=', key).orderBy('at').execute()
  return rows.length >= max ? Math.max(1, Number(rows[rows.length - max].at) + windowMs - now) : 0
}

/** Counts one act of `key` at `now` for `windowWait`. */
export async function recordAct(tx: Tx, key: string, now: number): Promise<void> {
  await tx.insertInto('attempts').values({ key, at: now }).execute()
}
