import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { goToLogin } from '@/features/auth/lib/login-redirect'
import { signOut } from '@/features/auth/session-actions'
import { useUnreadCount } from '@/features/notifications/hooks/use-unread-count'
import { Page } from '@/app/page'
import { isCityOrganiser } from '@/api/contract/auth'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'
import { Badge } from '@/shared/ui/badge'

/** 我的: profile, 消息, 设置 (大字模式), my sign-ups, 出勤记录, 我的荣誉, 考核, and 退出登录. */
export default function MePage() {
  const user = useRequireSession()
  const unread = useUnreadCount()
  if (!user) return null
  const logout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出登录吗？', confirmText: '退出', cancelText: '取消' })
    if (!confirm) return
    await signOut()
    goToLogin(null)
  }
  return (
    <Page>
      <View className='zs-card'>
        <Text className='zs-title'>{user.name}</Text>
        <Text className='zs-muted' style={{ display: 'block' }}>
          {user.town}
          {user.village ? ` · ${user.village}` : ''}
        </Text>
        <Text className='zs-muted'>手机号 {user.phone}</Text>
      </View>
      <View className='zs-card' style={{ display: 'flex', flexDirection: 'column', gap: '10px' }}>
        <AppButton block variant='secondary' onTap={() => openPage(ROUTES.notifications)}>
          消息
          <Badge count={unread} />
        </AppButton>
        <AppButton block variant='secondary' onTap={() => openPage(ROUTES.settings)}>
          设置（大字模式）
        </AppButton>
      </View>
      <View className='zs-card'>
        {user.role === 'secretary' ? (
          <View style={{ display: 'flex', flexDirection: 'column', gap: '10px' }}>
            <AppButton block variant='secondary' onTap={() => openPage(ROUTES.myRegistrations)}>
              我的报名
            </AppButton>
            <AppButton block variant='secondary' onTap={() => openPage(ROUTES.attendance)}>
              出勤记录
            </AppButton>
            <AppButton block variant='secondary' onTap={() => openPage(ROUTES.myHonours)}>
              我的荣誉
            </AppButton>
            <AppButton block variant='secondary' onTap={() => openPage(ROUTES.myScores)}>
              考核
            </AppButton>
            <AppButton block variant='secondary' onTap={() => openPage(ROUTES.exams)}>
              考试（任职资格测试·练习）
            </AppButton>
          </View>
        ) : (
          <View style={{ display: 'flex', flexDirection: 'column', gap: '10px' }}>
            <AppButton block variant='secondary' onTap={() => openPage(ROUTES.organiserEvents)}>
              活动管理
            </AppButton>
            <AppButton block variant='secondary' onTap={() => openPage(ROUTES.organiserExamResults)}>
              考试成绩与补考
            </AppButton>
            {isCityOrganiser(user) ? (
              <AppButton block variant='secondary' onTap={() => openPage(ROUTES.organiserQuestions)}>
                题库
              </AppButton>
            ) : null}
          </View>
        )}
      </View>
      <AppButton block variant='danger' onTap={() => void logout()}>
        退出登录
      </AppButton>
    </Page>
  )
}
