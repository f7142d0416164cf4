import type { NotificationRecord } from '../db'
import { notificationRecord, notificationRow } from '../db/rows'
import type { Tx } from './tx'

/** Adds a notification. */
export async function insertNotification(tx: Tx, note: NotificationRecord): Promise<void> {
  await tx.insertInto('notifications').values(notificationRow(note)).execute()
}

/** One user's notifications, newest first (the later of two at one instant first). */
export async function notificationsOf(tx: Tx, userId: string): Promise<NotificationRecord[]> {
  const rows = await tx.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('pos', 'desc').execute()
  return rows.map(notificationRecord)
}

/** One of a user's notifications by id. */
export async function findNotification(tx: Tx, userId: string, id: string): Promise<NotificationRecord | undefined> {
  const row = await tx.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
  return row && notificationRecord(row)
}

/** Marks one notification, or all of a user's, read. */
export async function markRead(tx: Tx, userId: string, id?: string): Promise<void> {
  let query = tx.updateTable('notifications').set({ read: true }).where('user_id', '=', userId)
  if (id !== undefined) query = query.where('id', '=', id)
  await query.execute()
}
