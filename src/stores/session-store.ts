import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { userSchema, type User } from '@/api/contract/auth'
import { clearPrefetched } from '@/shared/lib/prefetch'
import { taroStorage } from '@/shared/lib/storage'

type SessionState = { token: string | null; user: User | null }
type SessionActions = {
  /** Keeps the token and user of a successful login. */
  setSession: (token: string, user: User) => void
  /** Replaces the user (after GET /me). */
  setUser: (user: User) => void
  /** Forgets the session (logout, expired token). */
  clear: () => void
}

/** The signed-in user and their token, kept in storage so a reopened app stays signed in. */
export const useSessionStore = create<SessionState & SessionActions>()(
  persist(
    (set) => ({
      token: null,
      user: null,
      // Answers asked for at launch belong to the session that asked: another user must never see them.
      setSession: (token, user) => {
        clearPrefetched()
        set({ token, user })
      },
      setUser: (user) => set({ user }),
      clear: () => {
        clearPrefetched()
        set({ token: null, user: null })
      },
    }),
    {
      name: 'zst-session',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ token, user }) => ({ token, user }),
      // Storage is user-editable: a malformed entry means signed out, never a crash.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<SessionState>
        const user = userSchema.safeParse(p.user)
        const valid = typeof p.token === 'string' && p.token.length > 0 && user.success
        return valid ? { ...current, token: p.token as string, user: user.data } : current
      },
    },
  ),
)
