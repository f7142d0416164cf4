import { OrganiserEvents } from '@/features/event-admin/components/organiser-events'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { OrganiserOnly } from '../../organiser-only'

/** 活动管理 (organisers): 发布活动, and every event with its sign-up counts, 编辑 · 名单 · 签到码. */
export default function OrganiserEventsPage() {
  return (
    <OrganiserOnly>
      <Page>
        <OrganiserEvents
          onCreate={() => openPage(ROUTES.organiserEventForm)}
          onEdit={(id) => openPage(withQuery(ROUTES.organiserEventForm, { id }))}
          onRoster={(id) => openPage(withQuery(ROUTES.organiserRoster, { id }))}
          onCheckinCode={(id) => openPage(withQuery(ROUTES.organiserCheckinCode, { id }))}
        />
      </Page>
    </OrganiserOnly>
  )
}
