import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { EventList } from '@/features/events/components/event-list'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'

/** 活动 tab: the event list, and the way to 我的报名. */
export default function EventsPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <Page>
      {user.role === 'secretary' ? (
        <View className='zs-card zs-row'>
          <View className='zs-grow'>我报名的活动、候补情况都在这里</View>
          <AppButton small variant='secondary' onTap={() => openPage(ROUTES.myRegistrations)}>
            我的报名
          </AppButton>
        </View>
      ) : null}
      <EventList onOpen={(id) => openPage(withQuery(ROUTES.eventDetail, { id }))} />
    </Page>
  )
}
