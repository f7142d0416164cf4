import type { Role } from '../../src/api/contract/auth'
import type { UserRecord } from '../db'
import { userRecord, userRow } from '../db/rows'
import type { Tx } from './tx'

/** One person by id. */
export async function findUser(tx: Tx, id: string): Promise<UserRecord | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row && userRecord(row)
}

/** The person with this phone (phones are unique). */
export async function findUserByPhone(tx: Tx, phone: string): Promise<UserRecord | undefined> {
  const row = await tx.selectFrom('users').selectAll().where('phone', '=', phone).executeTakeFirst()
  return row && userRecord(row)
}

/** People by id, as a map (ids that are unknown are left out). */
export async function usersById(tx: Tx, ids: Iterable<string>): Promise<Map<string, UserRecord>> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return new Map()
  const rows = await tx.selectFrom('users').selectAll().where('id', 'in', wanted).orderBy('pos').execute()
  return new Map(rows.map((row) => [row.id, userRecord(row)]))
}

/** Everyone, or those of one role or town, in the order they were added. */
export async function listUsers(
  tx: Tx,
  filter: { role?: Role; town?: string; towns?: readonly string[] } = {},
): Promise<UserRecord[]> {
  if (filter.towns && filter.towns.length === 0) return []
  let query = tx.selectFrom('users').selectAll().orderBy('pos')
  if (filter.role) query = query.where('role', '=', filter.role)
  if (filter.town) query = query.where('town', '=', filter.town)
  if (filter.towns) query = query.where('town', 'in', [...filter.towns])
  return (await query.execute()).map(userRecord)
}

/** Adds a person. */
export async function insertUser(tx: Tx, user: UserRecord): Promise<void> {
  await tx.insertInto('users').values(userRow(user)).execute()
}

/** Stores a changed person loaded from this repository. */
export async function updateUser(tx: Tx, user: UserRecord): Promise<void> {
  const { id, ...fields } = userRow(user)
  await tx.updateTable('users').set(fields).where('id', '=', id).execute()
}
