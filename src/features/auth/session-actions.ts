import { useSessionStore } from '@/stores/session-store'
import { login, logout } from '@/api/auth'

/** Signs in with phone + code and keeps the session. */
export async function signIn(phone: string, code: string) {
  const result = await login(phone.trim(), code.trim())
  useSessionStore.getState().setSession(result.token, result.user)
  return result.user
}

/** Signs out: the server forgets the token (best effort, offline too) and so does the phone. */
export async function signOut(): Promise<void> {
  try {
    await logout()
  } catch {
    // Offline or already expired: the local session is cleared all the same.
  } finally {
    useSessionStore.getState().clear()
  }
}
