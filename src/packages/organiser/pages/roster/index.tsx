import { useRouter } from '@tarojs/taro'
import { Roster } from '@/features/event-admin/components/roster'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'
import { isEventId, OrganiserOnly } from '../../organiser-only'

/** 名单 of the event `?id=`: registrations, attendance, override, 导出. */
export default function RosterPage() {
  const { params } = useRouter()
  return (
    <OrganiserOnly>
      {isEventId(params.id) ? (
        <Page bare>
          <Roster eventId={params.id} />
        </Page>
      ) : (
        <Page>
          <EmptyState title='链接有误，找不到这个活动' hint='请回到活动管理重新打开。' actionText='去活动管理' onAction={() => replacePage(ROUTES.organiserEvents)} />
        </Page>
      )}
    </OrganiserOnly>
  )
}
