import { useCallback, useEffect, useRef, useState } from 'react'

/** What a screen knows about data it loads: loading (first time), ready, or error with a message. */
export type Loaded<T> = {
  status: 'loading' | 'ready' | 'error'
  data?: T
  /** Chinese message of the failure (API calls reject with ApiError, whose message says what to do). */
  error?: string
  /** Loads again; the data already shown stays until the new answer arrives. */
  reload: () => Promise<void>
}

/** Loads `load()` when `deps` change; ignores answers that arrive after a newer request. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ status: 'loading' })
  const ticket = useRef(0)
  const latest = useRef(load)
  latest.current = load

  const reload = useCallback(async () => {
    const mine = ++ticket.current
    setState((s) => (s.status === 'ready' ? s : { status: 'loading', data: s.data }))
    try {
      const data = await latest.current()
      if (mine === ticket.current) setState({ status: 'ready', data })
    } catch (failure) {
      if (mine !== ticket.current) return
      const error = failure instanceof Error && failure.message ? failure.message : '加载失败，请稍后重试。'
      setState((s) => ({ status: 'error', data: s.data, error }))
    }
  }, [])

  useEffect(() => {
    setState({ status: 'loading' })
    void reload()
  }, deps)

  return { ...state, reload }
}
