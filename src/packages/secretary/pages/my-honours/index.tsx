import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { MyHonours } from '@/features/honours/components/my-honours'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'

/** 我的荣誉. */
export default function MyHonoursPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <Page>
      <MyHonours onOpen={(id) => openPage(withQuery(ROUTES.honourDetail, { id }))} onBrowse={() => openPage(ROUTES.honours)} />
    </Page>
  )
}
