import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { AttendanceRecord } from '@/features/attendance/components/attendance-record'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'

/** 出勤记录 page (我的 → 出勤记录). */
export default function AttendancePage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <Page className='at-page'>
      <AttendanceRecord onOpenEvent={(id) => openPage(withQuery(ROUTES.eventDetail, { id }))} />
    </Page>
  )
}
