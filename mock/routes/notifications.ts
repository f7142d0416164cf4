import { notificationPageSchema, notificationQuerySchema } from '../../src/api/contract/notification'
import { toChinaIso } from '../../src/api/contract/time'
import type { NotificationRecord } from '../db'
import { HttpError, parseOrThrow } from '../http'
import type { Route } from '../router'
import { paginate } from './paging'

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
    handle({ db, query, user }) {
      const { page, pageSize } = parseOrThrow(notificationQuerySchema, query)
      // Stored in creation order: newest first is the reverse, ties of the same instant included.
      const mine = db.state.notifications.filter((n) => n.userId === user.id).reverse()
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
    handle({ db, user }) {
      for (const n of db.state.notifications) if (n.userId === user.id) n.read = true
      return { status: 204 }
    },
  },
  {
    method: 'POST',
    path: '/me/notifications/:id/read',
    access: 'any',
    idempotent: true,
    doc: { summary: 'Mark one of my notifications read', status: 204 },
    handle({ db, params, user }) {
      const note = db.state.notifications.find((n) => n.id === params.id && n.userId === user.id)
      if (!note) throw new HttpError(404, 'NOT_FOUND', '没有找到这条消息')
      note.read = true
      return { status: 204 }
    },
  },
]
