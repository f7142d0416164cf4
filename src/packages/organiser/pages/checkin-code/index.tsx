import { useRouter } from '@tarojs/taro'
import { CheckinCodeScreen } from '@/features/event-admin/components/checkin-code-screen'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'
import { isEventId, OrganiserOnly } from '../../organiser-only'

/** 签到码 of the event `?id=`, full screen, for the organiser to show at the door. */
export default function CheckinCodePage() {
  const { params } = useRouter()
  return (
    <OrganiserOnly>
      {isEventId(params.id) ? (
        <Page bare>
          <CheckinCodeScreen eventId={params.id} />
        </Page>
      ) : (
        <Page>
          <EmptyState title='链接有误，找不到这个活动' hint='请回到活动管理重新打开。' actionText='去活动管理' onAction={() => replacePage(ROUTES.organiserEvents)} />
        </Page>
      )}
    </OrganiserOnly>
  )
}
