import { useRouter } from '@tarojs/taro'
import { leaveReasonKey, useAttendanceStore } from '@/features/attendance/attendance-store'
import { LeaveForm } from '@/features/attendance/components/leave-form'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { EventDetail } from '@/features/events/components/event-detail'
import { useEventsStore } from '@/features/events/events-store'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'

/** 活动详情 page: `?id=` names the event; 签到 and 请假 come from the attendance feature. */
export default function EventDetailPage() {
  const user = useRequireSession()
  const { params } = useRouter()
  const id = params.id ?? ''
  const applyRegistration = useEventsStore((s) => s.applyRegistration)
  const leaveReason = useAttendanceStore((s) => (user ? s.leaveReasons[leaveReasonKey(user.id, id)] : undefined))
  if (!user) return null
  return (
    <Page>
      {/^[\w-]{1,64}$/.test(id) ? (
        <EventDetail
          id={id}
          onCheckIn={() => openPage(withQuery(ROUTES.checkin, { id }))}
          leaveReason={leaveReason}
          renderLeaveForm={(close) => (
            <LeaveForm
              eventId={id}
              onCancel={close}
              onDone={(registration) => {
                close()
                applyRegistration(id, registration)
              }}
            />
          )}
        />
      ) : (
        <EmptyState title='链接有误，找不到这个活动' hint='请回到活动列表重新打开。' actionText='去活动列表' onAction={() => openPage(ROUTES.events)} />
      )}
    </Page>
  )
}
