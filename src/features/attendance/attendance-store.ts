import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { checkinBodySchema, type CheckinBody, type CheckinResult, type Registration } from '@/api/contract/event'
import { pendingAttempt, sendKeyed } from '@/api/kit/keyed-mutation'
import { keepLatest, omit } from '@/shared/lib/records'
import { taroStorage } from '@/shared/lib/storage'
import { checkIn } from '@/api/checkin'
import { requestLeave } from '@/api/events'
import { getCheckinLocation } from './platform/get-location'

/** Where a check-in is: finding the phone's position, or waiting for the server. */
export type CheckinPhase = 'locating' | 'sending'

type AttendanceState = {
  /** Events with a check-in under way. */
  checkinPhase: Record<string, CheckinPhase>
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

// Per event, from the tap on: finding the position comes before the keyed send can join a second tap.
const checkinsInFlight = new Map<string, Promise<CheckinResult>>()

/** The key under which a user's leave reason for an event is kept. */
export function leaveReasonKey(userId: string, eventId: string): string {
  return `${userId}:${eventId}`
}

/**
 * The body of an unconfirmed check-in with the same code, position included: its retry must send the
 * same body to reuse the key (a fresh position would be a new body, and the server could act twice).
 */
function unconfirmedCheckin(action: string, code: string): CheckinBody | null {
  const attempt = pendingAttempt(action)
  if (!attempt) return null
  try {
    const raw: unknown = JSON.parse(attempt.body)
    const parsed = checkinBodySchema.safeParse(raw)
    // The stored text as it was, not zod's copy: the same text is what keeps the same key.
    return parsed.success && parsed.data.code === code ? (raw as CheckinBody) : null
  } catch {
    return null
  }
}

/** The secretary's own check-ins and leave requests, and the leave reasons they gave. */
export const useAttendanceStore = create<AttendanceState & AttendanceActions>()(
  persist(
    (set) => ({
      checkinPhase: {},
      leaveBusy: {},
      leaveReasons: {},

      checkIn: (eventId, code) => {
        const running = checkinsInFlight.get(eventId)
        if (running) return running
        const action = `checkin:${eventId}`
        const kept = unconfirmedCheckin(action, code)
        set((s) => ({ checkinPhase: { ...s.checkinPhase, [eventId]: kept ? 'sending' : 'locating' } }))
        const promise = (async () => {
          let body = kept
          if (!body) {
            const location = await getCheckinLocation()
            body = location ? { code, location } : { code }
            set((s) => ({ checkinPhase: { ...s.checkinPhase, [eventId]: 'sending' } }))
          }
          const sent = body
          return sendKeyed(action, sent, (key) => checkIn(eventId, sent, key))
        })().finally(() => {
          checkinsInFlight.delete(eventId)
          set((s) => ({ checkinPhase: omit(s.checkinPhase, eventId) }))
        })
        checkinsInFlight.set(eventId, promise)
        return promise
      },

      requestLeave: (eventId, reason) => {
        set((s) => ({ leaveBusy: { ...s.leaveBusy, [eventId]: true } }))
        return sendKeyed(`leave:${eventId}`, { reason }, (key) => requestLeave(eventId, reason, key))
          .then((registration) => {
            const kept = leaveReasonKey(registration.userId, eventId)
            set((s) => ({ leaveReasons: keepLatest({ ...omit(s.leaveReasons, kept), [kept]: reason }, MAX_LEAVE_REASONS) }))
            return registration
          })
          .finally(() => set((s) => ({ leaveBusy: omit(s.leaveBusy, eventId) })))
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
        return { ...current, leaveReasons: keepLatest(leaveReasons, MAX_LEAVE_REASONS) }
      },
    },
  ),
)
