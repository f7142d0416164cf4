import type { NotificationRecord } from '../db'
import type { Tx } from './tx'

/** Adds a notification. */
export async function insertNotification(tx: Tx, note: NotificationRecord): Promise<void> {
  tx.state.notifications.push(note)
}

/** One user's notifications, newest first. */
export async function notificationsOf(tx: Tx, userId: string): Promise<NotificationRecord[]> {
  return tx.state.notifications.filter((n) => n.userId === userId).reverse()
}

/** One of a user's notifications by id. */
export async function findNotification(tx: Tx, userId: string, id: string): Promise<NotificationRecord | undefined> {
  return tx.state.notifications.find((n) => n.id === id && n.userId === userId)
}

/** Marks one notification, or all of a user's, read. */
export async function markRead(tx: Tx, userId: string, id?: string): Promise<void> {
  for (const n of tx.state.notifications) if (n.userId === userId && (id === undefined || n.id === id)) n.read = true
}
