import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { RosterRow } from '@/api/contract/event'
import { createId } from '@/shared/lib/id'
import { overrideAttendance } from '@/api/roster'
import { optimisticRow, quickAttendance, quickFailureText, type QuickAttendance } from '../lib/roster'

/** A quick change the server refused or never answered, with the banner's words: shown above the list until it is retried or dismissed. */
export type QuickFailure = { userId: string; to: QuickAttendance; key: string; message: string }

/** What the hook needs of the roster: its rows and the two ways to change one. */
type RosterRows = {
  rows: RosterRow[]
  updateRow: (row: RosterRow) => void
  revertRow: (optimistic: RosterRow, previous: RosterRow) => void
}

const NO_ONE: ReadonlySet<string> = new Set()
const NO_FAILURES: QuickFailure[] = []

/**
 * Runs `fn` once the frame that shows the tap's change has been painted (rAF runs before the paint, a
 * task queued from it after). Starting a request costs a slow phone a few milliseconds of its main
 * thread (building it, `fetch`), and an answer arriving before that frame would render first: sent one
 * frame later, neither holds up what the tap shows.
 */
function afterPaint(fn: () => void) {
  requestAnimationFrame(() => setTimeout(fn))
}

const withId = (set: ReadonlySet<string>, id: string) => new Set(set).add(id)
function withoutId(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  if (!set.has(id)) return set
  const next = new Set(set)
  next.delete(id)
  return next
}

/**
 * One-tap 出席 / 缺勤 on the 名单: the row shows the new attendance at once, the PUT goes out with an
 * Idempotency-Key right after that frame, and the server's answer replaces the row. A failure puts the row back and is kept
 * (with its key) for 重试, so a request that reached the server but whose answer was lost is not
 * applied twice. One request per person at a time: taps on a row whose change is on the way are ignored.
 */
export function useQuickAttendance(eventId: string, roster: RosterRows) {
  const [busy, setBusy] = useState<ReadonlySet<string>>(NO_ONE)
  const [failures, setFailures] = useState<QuickFailure[]>(NO_FAILURES)
  // Read by the tap handlers at once, before React has rendered the last change.
  const inFlight = useRef(new Set<string>())
  const failed = useRef<QuickFailure[]>(NO_FAILURES)
  const latest = useRef(roster)
  useEffect(() => {
    latest.current = roster
  })
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    return () => {
      live.current = false
    }
  }, [])

  const setFailed = useCallback((update: (list: QuickFailure[]) => QuickFailure[]) => {
    const next = update(failed.current)
    if (next === failed.current) return
    failed.current = next
    setFailures(next)
  }, [])

  const send = useCallback(
    (row: RosterRow, to: QuickAttendance, key: string) => {
      const userId = row.user.id
      if (inFlight.current.has(userId)) return
      inFlight.current.add(userId)
      const optimistic = optimisticRow(row, to)
      // One render for all three: the row, its busy look and the banner gone.
      latest.current.updateRow(optimistic)
      setBusy((set) => withId(set, userId))
      setFailed((list) => (list.some((f) => f.userId === userId) ? list.filter((f) => f.userId !== userId) : list))
      const request = () =>
        overrideAttendance(eventId, userId, to, '', key)
          .then(
            (updated) => {
              if (live.current) latest.current.updateRow(updated)
            },
            (failure: unknown) => {
              if (!live.current) return
              latest.current.revertRow(optimistic, row)
              const entry = { userId, to, key, message: quickFailureText(row.user.name, to, toApiError(failure)) }
              setFailed((list) => [...list.filter((f) => f.userId !== userId), entry])
            },
          )
          .finally(() => {
            inFlight.current.delete(userId)
            if (live.current) setBusy((set) => withoutId(set, userId))
          })
      afterPaint(() => void request())
    },
    [eventId, setFailed],
  )

  /** The quick button of a row: 出席, or 缺勤 on a 出席 row. After a failure, the same change keeps its key. */
  const toggle = useCallback(
    (userId: string) => {
      if (inFlight.current.has(userId)) return
      const row = latest.current.rows.find((r) => r.user.id === userId)
      const to = row ? quickAttendance(row) : null
      if (!row || !to) return
      const earlier = failed.current.find((f) => f.userId === userId && f.to === to)
      send(row, to, earlier?.key ?? createId())
    },
    [send],
  )

  /** 重试 of a failure's banner: the same change with the same Idempotency-Key. */
  const retry = useCallback(
    (userId: string) => {
      const failure = failed.current.find((f) => f.userId === userId)
      const row = latest.current.rows.find((r) => r.user.id === userId)
      if (!failure || !row) return
      send(row, failure.to, failure.key)
    },
    [send],
  )

  /** 知道了 of a failure's banner: the row stays as it is. */
  const dismiss = useCallback((userId: string) => setFailed((list) => list.filter((f) => f.userId !== userId)), [setFailed])

  return { busy, failures, toggle, retry, dismiss }
}
