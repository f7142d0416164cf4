import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { EmptyState } from '@/shared/ui/state-view'

/** 荣誉 tab: the theme month and honours arrive in a later version; until then it says so plainly. */
export default function HonoursPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <View className='zs-page'>
      <EmptyState title='荣誉与主题活动月正在建设中' hint='支书主题活动月、春分日活动和岗位创新奖等荣誉将在后续版本上线。' />
    </View>
  )
}
