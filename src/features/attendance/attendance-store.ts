import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { ApiError } from '@/api/api-error'
import type { CheckinBody, CheckinResult, Registration } from '@/api/contract/event'
import { createId } from '@/shared/lib/id'
import { taroStorage } from '@/shared/lib/storage'
import { checkIn } from '@/api/checkin'
import { requestLeave } from '@/api/events'
import { getCheckinLocation } from './platform/get-location'

/** A check-in not yet confirmed: its retries send the same key and the same body (location included). */
type PendingCheckin = { key: string; body: CheckinBody }
/** A leave request not yet confirmed, with the key its retries reuse. */
type PendingLeave = { key: string; reason: string }

/** Where a check-in is: finding the phone's position, or waiting for the server. */
export type CheckinPhase = 'locating' | 'sending'

type AttendanceState = {
  /** Check-ins that failed on the network, per event: a retry with the same code reuses key and body. */
  checkinPending: Record<string, PendingCheckin>
  /** Events with a check-in under way. */
  checkinPhase: Record<string, CheckinPhase>
  /** Leave requests that failed on the network, per event. */
  leavePending: Record<string, PendingLeave>
  /** Events with a leave request on the wire. */
  leaveBusy: Record<string, boolean>
  /** Reasons of the leave asked for on this phone, by `userId:eventId` (a Registration does not carry them). */
  leaveReasons: Record<string, string>
}

type AttendanceActions = {
  /** Checks in with a 6-digit code; a second tap while one is under way joins it instead of sending again. */
  checkIn: (eventId: string, code: string) => Promise<CheckinResult>
  /** Asks for leave with a (valid) reason, with the same protection. */
  requestLeave: (eventId: string, reason: string) => Promise<Registration>
}

// Reasons kept on the phone; older ones are dropped.
const MAX_LEAVE_REASONS = 100

const checkinsInFlight = new Map<string, Promise<CheckinResult>>()
const leavesInFlight = new Map<string, Promise<Registration>>()

/** The key under which a user's leave reason for an event is kept. */
export function leaveReasonKey(userId: string, eventId: string): string {
  return `${userId}:${eventId}`
}

/** Keeps the key only when the request may have reached the server: its retry must not act twice. */
function isDefinitive(error: unknown): boolean {
  return !(error instanceof ApiError && error.retriable)
}

/** The secretary's own check-ins and leave requests, and the leave reasons they gave. */
export const useAttendanceStore = create<AttendanceState & AttendanceActions>()(
  persist(
    (set, get) => ({
      checkinPending: {},
      checkinPhase: {},
      leavePending: {},
      leaveBusy: {},
      leaveReasons: {},

      checkIn: (eventId, code) => {
        const running = checkinsInFlight.get(eventId)
        if (running) return running
        const previous = get().checkinPending[eventId]
        const reuse = previous && previous.body.code === code ? previous : null
        set((s) => ({ checkinPhase: { ...s.checkinPhase, [eventId]: reuse ? 'sending' : 'locating' } }))
        const promise = (async () => {
          let pending = reuse
          if (!pending) {
            const location = await getCheckinLocation()
            pending = { key: createId(), body: location ? { code, location } : { code } }
            set((s) => ({ checkinPhase: { ...s.checkinPhase, [eventId]: 'sending' } }))
          }
          const sent = pending
          set((s) => ({ checkinPending: { ...s.checkinPending, [eventId]: sent } }))
          try {
            const result = await checkIn(eventId, sent.body, sent.key)
            set((s) => ({ checkinPending: omit(s.checkinPending, eventId) }))
            return result
          } catch (error) {
            if (isDefinitive(error)) set((s) => ({ checkinPending: omit(s.checkinPending, eventId) }))
            throw error
          }
        })().finally(() => {
          checkinsInFlight.delete(eventId)
          set((s) => ({ checkinPhase: omit(s.checkinPhase, eventId) }))
        })
        checkinsInFlight.set(eventId, promise)
        return promise
      },

      requestLeave: (eventId, reason) => {
        const running = leavesInFlight.get(eventId)
        if (running) return running
        const previous = get().leavePending[eventId]
        const key = previous && previous.reason === reason ? previous.key : createId()
        set((s) => ({ leavePending: { ...s.leavePending, [eventId]: { key, reason } }, leaveBusy: { ...s.leaveBusy, [eventId]: true } }))
        const promise = requestLeave(eventId, reason, key)
          .then((registration) => {
            set((s) => ({
              leavePending: omit(s.leavePending, eventId),
              leaveReasons: keepLatest({ ...omit(s.leaveReasons, leaveReasonKey(registration.userId, eventId)), [leaveReasonKey(registration.userId, eventId)]: reason }),
            }))
            return registration
          })
          .catch((error: unknown) => {
            if (isDefinitive(error)) set((s) => ({ leavePending: omit(s.leavePending, eventId) }))
            throw error
          })
          .finally(() => {
            leavesInFlight.delete(eventId)
            set((s) => ({ leaveBusy: omit(s.leaveBusy, eventId) }))
          })
        leavesInFlight.set(eventId, promise)
        return promise
      },
    }),
    {
      name: 'zst-attendance',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ leaveReasons }) => ({ leaveReasons }),
      // Storage is user-editable: keep only string reasons under string keys.
      merge: (persisted, current) => {
        const stored = (persisted as Partial<AttendanceState> | undefined)?.leaveReasons
        if (!stored || typeof stored !== 'object') return current
        const leaveReasons = Object.fromEntries(Object.entries(stored).filter(([, v]) => typeof v === 'string')) as Record<string, string>
        return { ...current, leaveReasons: keepLatest(leaveReasons) }
      },
    },
  ),
)

function keepLatest(reasons: Record<string, string>): Record<string, string> {
  const entries = Object.entries(reasons)
  return entries.length > MAX_LEAVE_REASONS ? Object.fromEntries(entries.slice(-MAX_LEAVE_REASONS)) : reasons
}

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record
  return rest
}
