import { create } from 'zustand'
import { ApiError } from '@/api/api-error'
import type { Event, Registration } from '@/api/contract/event'
import { createId } from '@/shared/lib/id'
import { cancelRegistration, getEvent, registerForEvent } from '@/api/events'

/** A sign-up or cancellation not yet confirmed by the server, with the key its retries reuse. */
type PendingAction = { kind: 'register' | 'cancel'; key: string; body: string }

type EventsState = {
  /** Every event loaded so far, by id: list rows and the detail page read the same copy. */
  byId: Record<string, Event>
  /** Actions whose answer has not arrived or that failed on the network, per event. */
  pending: Record<string, PendingAction>
  /** Events with a sign-up or cancellation on the wire. */
  busy: Record<string, boolean>
}

type EventsActions = {
  /** Stores events from a list answer. */
  remember: (events: Event[]) => void
  /** Loads (or reloads) one event. */
  loadEvent: (id: string) => Promise<Event>
  /** Signs up; a second tap while one is on the wire joins it instead of sending again. */
  register: (id: string, contestItems?: string[]) => Promise<Registration>
  /** Withdraws a sign-up, with the same protection. */
  cancel: (id: string) => Promise<Registration>
  /** Shows a registration another feature changed (请假), then refreshes the event's counts quietly. */
  applyRegistration: (id: string, registration: Registration) => void
}

const inFlight = new Map<string, Promise<Registration>>()

/** Events the user has seen and their own sign-up actions. */
export const useEventsStore = create<EventsState & EventsActions>()((set, get) => {
  /** Runs one sign-up action for an event, reusing the Idempotency-Key of an unconfirmed earlier try. */
  function act(id: string, kind: PendingAction['kind'], body: string, send: (key: string) => Promise<Registration>) {
    const running = inFlight.get(id)
    if (running) return running
    const previous = get().pending[id]
    const key = previous && previous.kind === kind && previous.body === body ? previous.key : createId()
    set((s) => ({ pending: { ...s.pending, [id]: { kind, key, body } }, busy: { ...s.busy, [id]: true } }))
    const promise = send(key)
      .then((registration) => {
        set((s) => {
          const event = s.byId[id]
          return {
            pending: omit(s.pending, id),
            byId: event ? { ...s.byId, [id]: { ...event, myRegistration: registration } } : s.byId,
          }
        })
        // Counts and waitlist positions changed on the server: refresh quietly.
        get().loadEvent(id).catch(() => undefined)
        return registration
      })
      .catch((error: unknown) => {
        // Keep the key only when the request may have reached the server: the retry must not act twice.
        if (!(error instanceof ApiError && error.retriable)) set((s) => ({ pending: omit(s.pending, id) }))
        throw error
      })
      .finally(() => {
        inFlight.delete(id)
        set((s) => ({ busy: omit(s.busy, id) }))
      })
    inFlight.set(id, promise)
    return promise
  }

  return {
    byId: {},
    pending: {},
    busy: {},
    remember: (events) => set((s) => ({ byId: { ...s.byId, ...Object.fromEntries(events.map((e) => [e.id, e])) } })),
    loadEvent: async (id) => {
      const event = await getEvent(id)
      set((s) => ({ byId: { ...s.byId, [id]: event } }))
      return event
    },
    register: (id, contestItems) =>
      act(id, 'register', JSON.stringify(contestItems ?? null), (key) => registerForEvent(id, key, contestItems)),
    cancel: (id) => act(id, 'cancel', '', (key) => cancelRegistration(id, key)),
    applyRegistration: (id, registration) => {
      set((s) => {
        const event = s.byId[id]
        return event ? { byId: { ...s.byId, [id]: { ...event, myRegistration: registration } } } : {}
      })
      get().loadEvent(id).catch(() => undefined)
    },
  }
})

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record
  return rest
}
