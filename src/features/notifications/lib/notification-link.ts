import { ROUTES } from '@/shared/lib/routes'

const PAGES: readonly string[] = Object.values(ROUTES)

/** The app page a notification links to, or null when the link is not one of this app's pages. */
export function notificationTarget(link: string | undefined): string | null {
  if (!link) return null
  const url = link.startsWith('/') ? link : `/${link}`
  const path = url.split('?')[0]
  return PAGES.includes(path) && path !== ROUTES.login ? url : null
}
