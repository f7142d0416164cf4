import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { NotificationList } from '@/features/notifications/components/notification-list'

/** 消息: the signed-in user's notifications. */
export default function NotificationsPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <View className='zs-page'>
      <NotificationList />
    </View>
  )
}
