import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { EventForm } from '@/features/event-admin/components/event-form'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'
import { isEventId, OrganiserOnly } from '../../organiser-only'

/** Back to where the organiser came from (活动管理), or there when the form was opened directly. */
function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else replacePage(ROUTES.organiserEvents)
}

/** 发布活动, or 编辑活动 with `?id=`. */
export default function EventFormPage() {
  const { params } = useRouter()
  const id = params.id
  const editing = id !== undefined && id !== ''
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: editing ? '编辑活动' : '发布活动' })
  }, [editing])
  return (
    <OrganiserOnly>
      <Page>
        {editing && !isEventId(id) ? (
          <EmptyState title='链接有误，找不到这个活动' hint='请回到活动管理重新打开。' actionText='去活动管理' onAction={() => replacePage(ROUTES.organiserEvents)} />
        ) : (
          <EventForm
            id={editing ? id : undefined}
            // Wait for the toast before leaving; a cancelled event stays on screen, read-only.
            onDone={(_event, outcome) => {
              if (outcome !== 'cancelled') setTimeout(leave, 800)
            }}
          />
        )}
      </Page>
    </OrganiserOnly>
  )
}
