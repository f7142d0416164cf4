import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { isCityOrganiser } from '@/api/contract/auth'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { HonoursTab } from '@/features/honours/components/honours-tab'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'

/** 荣誉 tab: the theme month of the year and the 荣誉墙; 市委组织部 publishes honours from here (town organisers may not). */
export default function HonoursPage() {
  const user = useRequireSession()
  const [now, setNow] = useState(() => Date.now())
  // Tab pages stay alive: the 签到 window and countdowns are judged at each showing.
  useDidShow(() => setNow(Date.now()))
  if (!user) return null
  return (
    <Page>
      <HonoursTab
        now={now}
        onOpenHonour={(id) => openPage(withQuery(ROUTES.honourDetail, { id }))}
        onOpenEvent={(id) => openPage(withQuery(ROUTES.eventDetail, { id }))}
        onPublish={isCityOrganiser(user) ? () => openPage(ROUTES.organiserHonourForm) : undefined}
      />
    </Page>
  )
}
