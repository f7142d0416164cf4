import { View } from '@tarojs/components'
import { useLoad } from '@/shared/hooks/use-load'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { getMyHonours } from '@/api/honours'
import { HonourRow } from './honour-row'
import './honours.css'

/** 我的荣誉: the secretary's own honours, newest first. */
export function MyHonours({ onOpen, onBrowse }: { onOpen: (id: string) => void; onBrowse: () => void }) {
  const honours = useLoad(() => getMyHonours(), [])
  if (honours.status === 'loading') return <LoadingState />
  if (honours.status === 'error' || !honours.data) return <ErrorState message={honours.error ?? ''} onRetry={() => void honours.reload()} />
  const items = [...honours.data.items].sort((a, b) => Date.parse(b.awardedAt) - Date.parse(a.awardedAt))
  if (items.length === 0) {
    return <EmptyState title='您还没有获得荣誉' hint='每年 3 月支书主题活动月评选岗位创新奖、优秀书记等荣誉。' actionText='去看荣誉墙' onAction={onBrowse} />
  }
  return (
    <View className='zs-card'>
      {items.map((honour) => (
        <HonourRow key={honour.id} honour={honour} onOpen={onOpen} showTitle />
      ))}
    </View>
  )
}
