import { View } from '@tarojs/components'
import { QuarterScores } from '@/features/scores/components/quarter-scores'
import { useSessionStore } from '@/stores/session-store'
import { OrganiserOnly } from '../../organiser-only'

/** 季度评分 (季度拉练评比): a town's secretaries scored one by one. */
export default function QuarterScoresPage() {
  const town = useSessionStore((s) => s.user?.town)
  return (
    <OrganiserOnly>
      <View className='zs-page'>
        <QuarterScores defaultTown={town} />
      </View>
    </OrganiserOnly>
  )
}
