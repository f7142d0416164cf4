import { z } from 'zod/mini'
import { isoDateTime, pageQueryShape } from './common'

/** A message to one user (waitlist promotion, event changed or cancelled …). */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.optional(z.string()),
  read: z.boolean(),
  createdAt: isoDateTime,
})
export type Notification = z.infer<typeof notificationSchema>

/** Answer of `GET /me/notifications`: a page, newest first, plus the unread count. */
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().check(z.int(), z.gte(0)),
  page: z.number().check(z.int(), z.gte(1)),
  pageSize: z.number().check(z.int(), z.gte(1), z.lte(100)),
  unread: z.number().check(z.int(), z.gte(0)),
})

/** Query of `GET /me/notifications`. */
export const notificationQuerySchema = z.strictObject({ ...pageQueryShape })
