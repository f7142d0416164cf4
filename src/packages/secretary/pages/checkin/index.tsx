import Taro, { useRouter } from '@tarojs/taro'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { CheckinScreen } from '@/features/attendance/components/checkin-screen'
import { Page } from '@/app/page'
import { openPage, replacePage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'

/** 签到 page: `?id=` names the event. */
export default function CheckinPage() {
  const user = useRequireSession()
  const { params } = useRouter()
  const id = params.id ?? ''
  if (!user) return null
  const backToEvent = () => {
    // Opened from the event's page: go back to it (it refreshes on show); opened from a link: open it.
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else replacePage(withQuery(ROUTES.eventDetail, { id }))
  }
  return (
    <Page>
      {/^[\w-]{1,64}$/.test(id) ? (
        <CheckinScreen eventId={id} onBack={backToEvent} onOpenRecord={() => openPage(ROUTES.attendance)} />
      ) : (
        <EmptyState title='链接有误，找不到要签到的活动' hint='请回到活动列表，打开活动后再点“签到”。' actionText='去活动列表' onAction={() => openPage(ROUTES.events)} />
      )}
    </Page>
  )
}
