import type { Tx } from './tx'

/** A signed-in session. */
export type SessionRecord = { userId: string; createdAt: number }

/** The session of a bearer token, if it exists. */
export async function findSession(tx: Tx, token: string): Promise<SessionRecord | undefined> {
  return tx.state.sessions[token]
}

/** Starts a session for a token. */
export async function insertSession(tx: Tx, token: string, session: SessionRecord): Promise<void> {
  tx.state.sessions[token] = session
}

/** Ends a session. */
export async function deleteSession(tx: Tx, token: string): Promise<void> {
  delete tx.state.sessions[token]
}

/** When an SMS code was last sent to a phone. */
export async function smsSentAt(tx: Tx, phone: string): Promise<number | undefined> {
  return tx.state.smsSentAt[phone]
}

/** Records that an SMS code was sent to a phone. */
export async function recordSmsSent(tx: Tx, phone: string, at: number): Promise<void> {
  tx.state.smsSentAt[phone] = at
}
