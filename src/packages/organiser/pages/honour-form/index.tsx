import { useState } from 'react'
import { HonourForm } from '@/features/honours/components/honour-form'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { OrganiserOnly } from '../../organiser-only'

/** 发布荣誉 (organisers); after publishing, the new honour's page replaces the form. */
export default function HonourFormPage() {
  const [thisYear] = useState(() => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear())
  return (
    <OrganiserOnly>
      <Page>
        <HonourForm thisYear={thisYear} onDone={(honour) => replacePage(withQuery(ROUTES.honourDetail, { id: honour.id }))} />
      </Page>
    </OrganiserOnly>
  )
}
