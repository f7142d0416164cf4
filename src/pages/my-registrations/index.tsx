import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { MyRegistrations } from '@/features/events/components/my-registrations'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'

/** 我的报名 page. */
export default function MyRegistrationsPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <Page>
      <MyRegistrations onOpen={(id) => openPage(withQuery(ROUTES.eventDetail, { id }))} onBrowse={() => openPage(ROUTES.events)} />
    </Page>
  )
}
