import { forgetAttemptsInMemory } from '@/api/kit/keyed-mutation'

/** Forgets every unconfirmed Idempotency-Key, in memory and in storage: each test starts as a fresh install. */
export function forgetKeyedAttempts(): void {
  for (const name of Object.keys(localStorage)) if (name.startsWith('zst-attempt:')) localStorage.removeItem(name)
  forgetAttemptsInMemory()
}
