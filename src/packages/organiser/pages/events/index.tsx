import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { OrganiserEventOverview } from '@/features/events/components/organiser-event-overview'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'

/** 活动管理 (organisers): every event with its sign-up counts. */
export default function OrganiserEventsPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <View className='zs-page'>
      {user.role === 'organiser' ? (
        <OrganiserEventOverview onOpen={(id) => openPage(withQuery(ROUTES.eventDetail, { id }))} />
      ) : (
        <EmptyState title='此页面仅供组织者使用' hint='如需管理活动，请使用组织者账号登录。' />
      )}
    </View>
  )
}
