import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { EventDetail } from '@/features/events/components/event-detail'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'

/** 活动详情 page: `?id=` names the event. */
export default function EventDetailPage() {
  const user = useRequireSession()
  const { params } = useRouter()
  const id = params.id ?? ''
  if (!user) return null
  return (
    <View className='zs-page'>
      {/^[\w-]{1,64}$/.test(id) ? (
        <EventDetail id={id} />
      ) : (
        <EmptyState title='链接有误，找不到这个活动' hint='请回到活动列表重新打开。' actionText='去活动列表' onAction={() => openPage(ROUTES.events)} />
      )}
    </View>
  )
}
