import { useEffect } from 'react'
import { useSessionStore } from '@/stores/session-store'
import { goToLogin } from '../lib/login-redirect'

/** The signed-in user; sends the user to 登录 (and back here afterwards) when there is none. */
export function useRequireSession() {
  const user = useSessionStore((s) => s.user)
  const token = useSessionStore((s) => s.token)
  useEffect(() => {
    if (!token) goToLogin()
  }, [token])
  return token ? user : null
}
