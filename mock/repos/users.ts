import type { Role } from '../../src/api/contract/auth'
import type { UserRecord } from '../db'
import type { Tx } from './tx'

/** One person by id. */
export async function findUser(tx: Tx, id: string): Promise<UserRecord | undefined> {
  return tx.state.users.find((u) => u.id === id)
}

/** The person with this phone (phones are unique). */
export async function findUserByPhone(tx: Tx, phone: string): Promise<UserRecord | undefined> {
  return tx.state.users.find((u) => u.phone === phone)
}

/** People by id, as a map (ids that are unknown are left out). */
export async function usersById(tx: Tx, ids: Iterable<string>): Promise<Map<string, UserRecord>> {
  const wanted = new Set(ids)
  return new Map(tx.state.users.filter((u) => wanted.has(u.id)).map((u) => [u.id, u]))
}

/** Everyone, or those of one role, in the order they were added. */
export async function listUsers(tx: Tx, filter: { role?: Role; town?: string } = {}): Promise<UserRecord[]> {
  return tx.state.users.filter((u) => (!filter.role || u.role === filter.role) && (!filter.town || u.town === filter.town))
}

/** Adds a person. */
export async function insertUser(tx: Tx, user: UserRecord): Promise<void> {
  tx.state.users.push(user)
}
