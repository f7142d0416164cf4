import type { ReactNode } from 'react'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { Page } from '@/app/page'
import { EmptyState } from '@/shared/ui/state-view'

/** Renders the organiser screen for organisers; 登录 for nobody, a plain explanation for a secretary. */
export function OrganiserOnly({ children }: { children: ReactNode }) {
  const user = useRequireSession()
  if (!user) return null
  if (user.role !== 'organiser') {
    return (
      <Page>
        <EmptyState title='此页面仅供组织者使用' hint='如需管理活动，请使用组织者账号登录。' />
      </Page>
    )
  }
  return <>{children}</>
}

/** True for an event id taken from a page's `?id=`. */
export function isEventId(id: string | undefined): id is string {
  return typeof id === 'string' && /^[\w-]{1,64}$/.test(id)
}
