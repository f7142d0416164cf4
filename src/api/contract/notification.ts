import { z } from 'zod'
import { isoDateTime, pageQueryShape } from './common'

/** A message to one user (waitlist promotion, event changed or cancelled …). */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().optional(),
  read: z.boolean(),
  createdAt: isoDateTime,
})
export type Notification = z.infer<typeof notificationSchema>

/** Answer of `GET /me/notifications`: a page, newest first, plus the unread count. */
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(100),
  unread: z.number().int().min(0),
})

/** Query of `GET /me/notifications`. */
export const notificationQuerySchema = z.strictObject({ ...pageQueryShape })
