/**
 * Answers asked for before the screen that shows them has loaded its code. At launch, 首页's requests start
 * with the app's first script instead of after 首页's own chunk: on a weak network that is a round trip sooner.
 * Each answer is taken once, and only while fresh; a screen opened later asks the server itself.
 */
const FRESH_MS = 10_000

const waiting = new Map<string, { answer: Promise<unknown>; at: number }>()

/** Starts `load` now and keeps its answer under `key` for the screen that will ask for it. */
export function prefetch<T>(key: string, load: () => Promise<T>, now: number = Date.now()): void {
  let answer: Promise<T>
  try {
    answer = load()
  } catch (failure) {
    answer = Promise.reject(failure)
  }
  // Nobody may come for it (the user leaves at once): its failure must not surface as unhandled.
  answer.catch(() => undefined)
  waiting.set(key, { answer, at: now })
}

/**
 * The answer kept under `key`, which is then forgotten; else `load()`. A kept answer older than 10 s is not
 * used: the screen would show what the server said before the user looked.
 */
export function prefetched<T>(key: string, load: () => Promise<T>, now: number = Date.now()): Promise<T> {
  const kept = waiting.get(key)
  waiting.delete(key)
  if (kept && now - kept.at <= FRESH_MS) return kept.answer as Promise<T>
  return load()
}

/** Forgets every kept answer (signing out; tests). */
export function clearPrefetched(): void {
  waiting.clear()
}
