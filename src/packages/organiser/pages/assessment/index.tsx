import { AssessmentRanking } from '@/features/scores/components/assessment-ranking'
import { OrganiserOnly } from '../../organiser-only'
import { Page } from '@/app/page'

/** 年度考核: the ranking, its parts and formula, and the bottom rows flagged for 审计+巡察. */
export default function AssessmentPage() {
  return (
    <OrganiserOnly>
      <Page>
        <AssessmentRanking />
      </Page>
    </OrganiserOnly>
  )
}
