import { View } from '@tarojs/components'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { EmptyState } from '@/shared/ui/state-view'

/** 承诺 tab: 履职承诺 and 进展 arrive in a later version; until then it says so plainly. */
export default function CommitmentsPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <View className='zs-page'>
      <EmptyState title='履职承诺功能正在建设中' hint='年初履职承诺、季度进展填报和季度评分将在后续版本上线。' />
    </View>
  )
}
