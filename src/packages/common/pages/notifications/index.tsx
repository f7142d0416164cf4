import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { NotificationList } from '@/features/notifications/components/notification-list'
import { Page } from '@/app/page'

/** 消息: the signed-in user's notifications. */
export default function NotificationsPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <Page>
      <NotificationList />
    </Page>
  )
}
