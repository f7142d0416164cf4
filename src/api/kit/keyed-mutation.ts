import Taro from '@tarojs/taro'
import { createId } from '@/shared/lib/id'
import { toApiError } from '../api-error'

/** The Idempotency-Key of one user action, with the body it was first sent with (as JSON). */
export type Attempt = { key: string; body: string }

const PREFIX = 'zst-attempt:'
// Read once from storage, then kept here: a tap never waits on storage.
const attempts = new Map<string, Attempt | null>()
// Sends whose answer has not arrived, by action: a double tap joins the one on its way.
const onTheWire = new Map<string, { body: string; answer: Promise<unknown> }>()

function isAttempt(value: unknown): value is Attempt {
  if (typeof value !== 'object' || value === null) return false
  const { key, body } = value as Record<string, unknown>
  return typeof key === 'string' && key.length > 0 && key.length <= 200 && typeof body === 'string'
}

function read(action: string): Attempt | null {
  if (attempts.has(action)) return attempts.get(action) ?? null
  let found: Attempt | null = null
  try {
    const stored: unknown = Taro.getStorageSync(PREFIX + action)
    const parsed: unknown = typeof stored === 'string' && stored ? JSON.parse(stored) : null
    // Anything else in that slot (an older format, a damaged value) is ignored: a new key is drawn.
    found = isAttempt(parsed) ? parsed : null
  } catch {
    found = null
  }
  attempts.set(action, found)
  return found
}

function write(action: string, attempt: Attempt | null): void {
  attempts.set(action, attempt)
  try {
    if (attempt) Taro.setStorageSync(PREFIX + action, JSON.stringify(attempt))
    else Taro.removeStorageSync(PREFIX + action)
  } catch {
    // Storage full or unavailable: the key still holds in memory for this session.
  }
}

/**
 * Sends one user action with an Idempotency-Key, so that a retry can never do it twice: the key
 * stays the same for as long as the body does, across taps and across an app restart (it is kept
 * in storage under `action`, e.g. `honour:create` or `score:2026:4:u-s01`). A new body draws a new key.
 * The key is dropped when the server has answered for good: on success, and on a refusal that is
 * not worth retrying (a 4xx: the server kept nothing, and a replay under the old key would repeat the
 * old refusal). After a network failure, a timeout or a 5xx the request may have reached the
 * server, so the key is kept for the retry. A second send of the same action and body while the
 * first is on its way (a double tap) joins it instead of sending again.
 */
export function sendKeyed<R>(action: string, body: unknown, send: (idempotencyKey: string) => Promise<R>): Promise<R> {
  const text = JSON.stringify(body ?? null)
  const running = onTheWire.get(action)
  if (running && running.body === text) return running.answer as Promise<R>
  const previous = read(action)
  const attempt = previous && previous.body === text ? previous : { key: createId(), body: text }
  if (attempt !== previous) write(action, attempt)
  // Only this attempt's own key is dropped: a newer body sent meanwhile keeps its key.
  const settle = () => {
    if (read(action)?.key === attempt.key) write(action, null)
  }
  let sent: Promise<R>
  try {
    sent = send(attempt.key)
  } catch (failure) {
    sent = Promise.reject(failure)
  }
  const answer = sent.then(
    (result) => {
      settle()
      return result
    },
    (failure: unknown) => {
      if (!toApiError(failure).retriable) settle()
      throw failure
    },
  )
  const entry = { body: text, answer }
  onTheWire.set(action, entry)
  const done = () => {
    if (onTheWire.get(action) === entry) onTheWire.delete(action)
  }
  answer.then(done, done)
  return answer
}

/** The key an action would be sent with now (tests, and a screen that shows a pending action). */
export function pendingAttempt(action: string): Attempt | null {
  return read(action)
}

/** Forgets every remembered attempt and send in memory (tests simulate an app restart with it). */
export function forgetAttemptsInMemory(): void {
  attempts.clear()
  onTheWire.clear()
}
