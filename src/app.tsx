import { useEffect, type PropsWithChildren } from 'react'
import { setUnauthorizedHandler } from '@/api/client'
import { getMe } from '@/features/auth/api/get-me'
import { goToLogin } from '@/features/auth/lib/login-redirect'
import { useSessionStore } from '@/stores/session-store'
import './shared/ui/ui.css'
import './app.css'

// A 401 anywhere: forget the session and go to 登录, then back to where the user was.
setUnauthorizedHandler(() => {
  useSessionStore.getState().clear()
  goToLogin()
})

/** Composition root: wires the session to the API client and refreshes the user on launch. */
export default function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (!useSessionStore.getState().token) return
    getMe()
      .then((user) => useSessionStore.getState().setUser(user))
      .catch(() => undefined) // offline: keep the stored user; a 401 is handled above
  }, [])
  return children
}
