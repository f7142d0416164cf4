import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { OrganiserDashboard } from '@/features/dashboard/components/organiser-dashboard'
import { SecretaryDashboard } from '@/features/dashboard/components/secretary-dashboard'
import { useUnreadCount } from '@/features/notifications/hooks/use-unread-count'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'

/** 首页: what needs doing now, one tap to each screen; nothing here asks for daily use for its own sake. */
export default function HomePage() {
  const user = useRequireSession()
  const unread = useUnreadCount()
  const [now, setNow] = useState(() => Date.now())
  // Tab pages stay alive: the 签到 window and countdowns are judged at each showing.
  useDidShow(() => setNow(Date.now()))
  if (!user) return null
  const organiser = user.role === 'organiser'
  // Below the cards, and shown with them: placed under a loading dashboard it jumped down as the cards arrived.
  const allEvents = (
    <AppButton block variant='secondary' onTap={() => openPage(organiser ? ROUTES.organiserEvents : ROUTES.events)}>
      {organiser ? '活动管理（报名人数、候补）' : '查看全部活动'}
    </AppButton>
  )
  return (
    <Page>
      <View className='zs-card'>
        <Text className='zs-title'>{user.name}，您好</Text>
        <Text className='zs-muted'>
          {user.town}
          {user.village ? ` · ${user.village}` : ''}
          {organiser ? ' · 组织者' : ' · 党组织书记'}
        </Text>
      </View>
      {organiser ? <OrganiserDashboard now={now} footer={allEvents} /> : <SecretaryDashboard now={now} unread={unread} footer={allEvents} />}
    </Page>
  )
}
