/**
 * Answers asked for before the screen that shows them has loaded its code. At launch, 首页's requests start
 * with the app's first script instead of after 首页's own chunk: on a weak network that is a round trip sooner.
 * Each answer is taken once: still on its way, or arrived less than 10 s ago. A screen opened later asks the
 * server itself.
 */
const FRESH_MS = 10_000

type Kept = { answer: Promise<unknown>; arrivedAt: number | null }
const waiting = new Map<string, Kept>()

/** Starts `load` now and keeps its answer under `key` for the screen that will ask for it. */
export function prefetch<T>(key: string, load: () => Promise<T>): void {
  let answer: Promise<T>
  try {
    answer = load()
  } catch (failure) {
    answer = Promise.reject(failure)
  }
  const kept: Kept = { answer, arrivedAt: null }
  // Nobody may come for it (the user leaves at once): its failure must not surface as unhandled.
  const arrived = () => {
    kept.arrivedAt = Date.now()
  }
  answer.then(arrived, arrived)
  waiting.set(key, kept)
}

/**
 * The answer kept under `key`, which is then forgotten; else `load()`. A request still on its way is always
 * taken (on a weak network 首页's code can take longer than its answer: asking again would send it twice); an
 * answer that arrived more than 10 s ago is not: the screen would show what the server said before the user looked.
 */
export function prefetched<T>(key: string, load: () => Promise<T>, now: number = Date.now()): Promise<T> {
  const kept = waiting.get(key)
  waiting.delete(key)
  if (kept && (kept.arrivedAt === null || now - kept.arrivedAt <= FRESH_MS)) return kept.answer as Promise<T>
  return load()
}

/** Forgets every kept answer (signing out; tests). */
export function clearPrefetched(): void {
  waiting.clear()
}
