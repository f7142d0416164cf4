import { useEffect, type PropsWithChildren } from 'react'
import { setUnauthorizedHandler } from '@/api/client'
import { getMe } from '@/api/auth'
import { goToLogin } from '@/features/auth/lib/login-redirect'
import { prefetchHome } from '@/features/dashboard/prefetch-home'
import { launchPath } from '@/shared/lib/platform/launch-path'
import { ROUTES } from '@/shared/lib/routes'
import { useSessionStore } from '@/stores/session-store'
import './shared/ui/ui.css'
import './app.css'

const HOME_PATH = ROUTES.home.replace(/^\//, '')

// A 401 anywhere: forget the session and go to 登录, then back to where the user was.
setUnauthorizedHandler(() => {
  useSessionStore.getState().clear()
  goToLogin()
})

// Opened on 首页 and signed in: ask for its cards now, while this script runs. On H5 首页's own code is fetched
// after it, and only then would the cards ask (the stored session is read synchronously, so it is here already).
const launched = useSessionStore.getState()
if (launched.token && launched.user && launchPath() === HOME_PATH) prefetchHome(launched.user.role)

/** Composition root: wires the session to the API client and refreshes the user on launch. */
export default function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (!useSessionStore.getState().token) return
    getMe()
      .then((fresh) => useSessionStore.getState().setUser(fresh))
      .catch(() => undefined) // offline: keep the stored user; a 401 is handled above
  }, [])
  return children
}
