import { useRouter } from '@tarojs/taro'
import { ReviewDetail } from '@/features/commitments/components/review-detail'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'
import { isEventId, OrganiserOnly } from '../../organiser-only'

/** A sheet under review (`?id=`): items, progress, 通过 / 退回. */
export default function CommitmentDetailPage() {
  const { params } = useRouter()
  return (
    <OrganiserOnly>
      <Page>
        {isEventId(params.id) ? (
          <ReviewDetail id={params.id} />
        ) : (
          <EmptyState title='链接有误，找不到这份承诺' hint='请回到承诺审核重新打开。' actionText='去承诺审核' onAction={() => replacePage(ROUTES.organiserCommitments)} />
        )}
      </Page>
    </OrganiserOnly>
  )
}
