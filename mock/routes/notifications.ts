import { notificationPageSchema, notificationQuerySchema } from '../../src/api/contract/notification'
import { toChinaIso } from '../../src/api/contract/time'
import type { NotificationRecord } from '../db'
import { HttpError, parseOrThrow } from '../http'
import { paginate } from '../paging'
import { findNotification, markRead, notificationsOf } from '../repos/notifications'
import type { Route } from '../router'

const view = (n: NotificationRecord) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  ...(n.link ? { link: n.link } : {}),
  read: n.read,
  createdAt: toChinaIso(n.createdAt),
})

/** The caller's notifications; nobody ever sees or touches another person's. */
export const notificationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/me/notifications',
    access: 'any',
    doc: { summary: 'My notifications, newest first, with the unread count', query: notificationQuerySchema, response: notificationPageSchema },
    async handle({ tx, query, user }) {
      const { page, pageSize } = parseOrThrow(notificationQuerySchema, query)
      // Listed newest first by creation; the sort by instant is stable, so ties keep that order.
      const mine = await notificationsOf(tx, user.id)
      mine.sort((a, b) => b.createdAt - a.createdAt)
      return {
        status: 200,
        body: { ...paginate(mine, page, pageSize, view), unread: mine.filter((n) => !n.read).length },
      }
    },
  },
  {
    method: 'POST',
    path: '/me/notifications/read-all',
    access: 'any',
    idempotent: true,
    doc: { summary: 'Mark all my notifications read', status: 204 },
    async handle({ tx, user }) {
      await markRead(tx, user.id)
      return { status: 204 }
    },
  },
  {
    method: 'POST',
    path: '/me/notifications/:id/read',
    access: 'any',
    idempotent: true,
    doc: { summary: 'Mark one of my notifications read', status: 204 },
    async handle({ tx, params, user }) {
      const note = await findNotification(tx, user.id, params.id)
      if (!note) throw new HttpError(404, 'NOT_FOUND', '没有找到这条消息')
      await markRead(tx, user.id, note.id)
      return { status: 204 }
    },
  },
]
