import Taro, { useRouter } from '@tarojs/taro'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { chinaYear } from '@/api/contract/time'
import { ProgressForm } from '@/features/commitments/components/progress-form'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'

/** Back to the 承诺 tab: the previous page when there is one, else the tab itself. */
function backToSheet() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else replacePage(ROUTES.commitments)
}

/** 填报进展 of an item (`?itemId=&year=&quarter=`). */
export default function ProgressPage() {
  const user = useRequireSession()
  const { params } = useRouter()
  if (!user) return null
  const year = Number(params.year) || chinaYear(Date.now())
  const quarter = Number(params.quarter) || undefined
  const itemId = params.itemId && /^[\w-]{1,64}$/.test(params.itemId) ? params.itemId : null
  return (
    <Page>
      {itemId ? (
        <ProgressForm user={user} year={year} itemId={itemId} quarter={quarter} onDone={backToSheet} />
      ) : (
        <EmptyState title='链接有误，找不到这项承诺' hint='请回到承诺页重新打开。' actionText='去承诺页' onAction={() => replacePage(ROUTES.commitments)} />
      )}
    </Page>
  )
}
