import { QuarterScores } from '@/features/scores/components/quarter-scores'
import { Page } from '@/app/page'
import { useSessionStore } from '@/stores/session-store'
import { OrganiserOnly } from '../../organiser-only'

/** 季度评分 (季度拉练评比): a town's secretaries scored one by one. */
export default function QuarterScoresPage() {
  const town = useSessionStore((s) => s.user?.town)
  return (
    <OrganiserOnly>
      <Page>
        <QuarterScores defaultTown={town} />
      </Page>
    </OrganiserOnly>
  )
}
