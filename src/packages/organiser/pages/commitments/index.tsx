import { useState } from 'react'
import { ReviewList } from '@/features/commitments/components/review-list'
import { chinaYear } from '@/api/contract/time'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { OrganiserOnly } from '../../organiser-only'

/** 承诺审核: this year's sheets by status and town. */
export default function OrganiserCommitmentsPage() {
  const [year] = useState(() => chinaYear(Date.now()))
  return (
    <OrganiserOnly>
      <Page>
        <ReviewList year={year} onOpen={(id) => openPage(withQuery(ROUTES.organiserCommitmentDetail, { id }))} />
      </Page>
    </OrganiserOnly>
  )
}
