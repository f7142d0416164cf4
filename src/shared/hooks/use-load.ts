import { useCallback, useEffect, useRef, useState } from 'react'

/** What a screen knows about data it loads: loading (first time), ready, or error with a message. */
export type Loaded<T> = {
  status: 'loading' | 'ready' | 'error'
  data?: T
  /** Chinese message of the failure (API calls reject with ApiError, whose message says what to do). */
  error?: string
  /** What the failed load rejected with (an ApiError from the API), to tell 离线 from other failures. */
  failure?: unknown
  /** Loads again; the data already shown stays until the new answer arrives. */
  reload: () => Promise<void>
}

/** Loads `load()` when `deps` change; ignores answers that arrive after a newer request. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ status: 'loading' })
  const ticket = useRef(0)
  const latest = useRef(load)
  latest.current = load

  // Promise chains rather than async/await: the ES5 build turns each async function into a regenerator.
  const reload = useCallback(() => {
    const mine = ++ticket.current
    setState((s) => (s.status === 'ready' ? s : { status: 'loading', data: s.data }))
    return latest.current().then(
      (data) => {
        if (mine === ticket.current) setState({ status: 'ready', data })
      },
      (failure: unknown) => {
        if (mine !== ticket.current) return
        const error = failure instanceof Error && failure.message ? failure.message : '加载失败，请稍后重试。'
        setState((s) => ({ status: 'error', data: s.data, error, failure }))
      },
    )
  }, [])

  useEffect(() => {
    setState({ status: 'loading' })
    void reload()
  }, deps)

  return { ...state, reload }
}
