import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { Commitment } from '@/api/contract/commitment'
import { getMyCommitment } from '@/api/commitments'

/** What a screen knows of the caller's sheet of a year. */
export type MyCommitmentState = { status: 'loading' | 'ready' | 'error'; commitment: Commitment | null; error?: string }

/** Loads the caller's sheet of a year; `reload(quiet)` keeps the shown sheet while it refreshes. */
export function useMyCommitment(year: number, onLoaded?: (commitment: Commitment | null) => void) {
  const [state, setState] = useState<MyCommitmentState>({ status: 'loading', commitment: null })
  const ticket = useRef(0)
  const loaded = useRef(onLoaded)
  loaded.current = onLoaded
  const reload = useCallback(
    (quiet = false) => {
      const mine = ++ticket.current
      if (!quiet) setState({ status: 'loading', commitment: null })
      return getMyCommitment(year).then(
        (commitment) => {
          if (mine !== ticket.current) return
          if (loaded.current) loaded.current(commitment)
          setState({ status: 'ready', commitment })
        },
        (failure: unknown) => {
          if (mine === ticket.current && !quiet) setState({ status: 'error', commitment: null, error: toApiError(failure).message })
        },
      )
    },
    [year],
  )
  useEffect(() => {
    void reload()
    return () => {
      ticket.current += 1
    }
  }, [reload])
  return { ...state, reload, setCommitment: (commitment: Commitment) => setState({ status: 'ready', commitment }) }
}
