import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { MyScores } from '@/features/scores/components/my-scores'
import { Page } from '@/app/page'

/** 考核 page (我的 → 考核): quarterly scores and the year-end assessment. */
export default function ScoresPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <Page>
      <MyScores />
    </Page>
  )
}
