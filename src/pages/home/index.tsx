import { Text, View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { MyRegistrations } from '@/features/events/components/my-registrations'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'

/** 首页: what needs doing now. */
export default function HomePage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <View className='zs-page'>
      <View className='zs-card'>
        <Text className='zs-title'>{user.name}，您好</Text>
        <Text className='zs-muted'>
          {user.town}
          {user.village ? ` · ${user.village}` : ''}
          {user.role === 'organiser' ? ' · 组织者' : ' · 党组织书记'}
        </Text>
      </View>
      {user.role === 'organiser' ? (
        <View className='zs-card'>
          <Text className='zs-title'>组织者工作台</Text>
          <AppButton block onTap={() => openPage(ROUTES.organiserEvents)}>
            活动管理（报名人数、候补）
          </AppButton>
        </View>
      ) : (
        <View className='zs-card'>
          <View className='zs-row'>
            <Text className='zs-title zs-grow'>我的报名</Text>
            <AppButton small variant='plain' onTap={() => openPage(ROUTES.myRegistrations)}>
              全部
            </AppButton>
          </View>
          <MyRegistrations limit={3} onOpen={(id) => openPage(withQuery(ROUTES.eventDetail, { id }))} onBrowse={() => openPage(ROUTES.events)} />
        </View>
      )}
      <AppButton block variant='secondary' onTap={() => openPage(ROUTES.events)}>
        查看全部活动
      </AppButton>
    </View>
  )
}
