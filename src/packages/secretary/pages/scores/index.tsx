import { View } from '@tarojs/components'
import { EmptyState } from '@/shared/ui/state-view'

/** 考核: scaffolded so that routes and sub-packages are fixed; the screen lands with its issue. */
export default function ScoresPage() {
  return (
    <View className='zs-page'>
      <EmptyState title='考核正在建设中' hint='此页面将在后续版本上线。' />
    </View>
  )
}
