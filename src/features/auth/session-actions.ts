import { ApiError } from '@/api/api-error'
import { useSessionStore } from '@/stores/session-store'
import { login, logout, logoutAll } from '@/api/auth'

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

/**
 * 退出所有设备: the server ends every session of this user, then this phone forgets its own. When the
 * server could not be reached the phone stays signed in and the error is thrown: the other devices
 * would still be signed in, and the user must know. A 401 means this session had ended already.
 */
export async function signOutEverywhere(): Promise<void> {
  try {
    await logoutAll()
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.status === 401)) throw failure
  }
  useSessionStore.getState().clear()
}
