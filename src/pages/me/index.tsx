import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { goToLogin } from '@/features/auth/lib/login-redirect'
import { signOut } from '@/features/auth/session-actions'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'

/** 我的: profile, my sign-ups, 出勤记录, and 退出登录. */
export default function MePage() {
  const user = useRequireSession()
  if (!user) return null
  const logout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出登录吗？', confirmText: '退出', cancelText: '取消' })
    if (!confirm) return
    await signOut()
    goToLogin(null)
  }
  return (
    <View className='zs-page'>
      <View className='zs-card'>
        <Text className='zs-title'>{user.name}</Text>
        <Text className='zs-muted' style={{ display: 'block' }}>
          {user.town}
          {user.village ? ` · ${user.village}` : ''}
        </Text>
        <Text className='zs-muted'>手机号 {user.phone}</Text>
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
          </View>
        ) : (
          <AppButton block variant='secondary' onTap={() => openPage(ROUTES.organiserEvents)}>
            活动管理
          </AppButton>
        )}
      </View>
      <AppButton block variant='danger' onTap={() => void logout()}>
        退出登录
      </AppButton>
    </View>
  )
}
