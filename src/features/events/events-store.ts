import { create } from 'zustand'
import type { Event, Registration } from '@/api/contract/event'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { cancelRegistration, getEvent, registerForEvent } from '@/api/events'
import { omit } from '@/shared/lib/records'

type EventsState = {
  /** Every event loaded so far, by id: list rows and the detail page read the same copy. */
  byId: Record<string, Event>
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

/** Events the user has seen and their own sign-up actions. */
export const useEventsStore = create<EventsState & EventsActions>()((set, get) => {
  /**
   * Runs one sign-up action for an event. 报名 and 取消 share one action per event, so that either
   * one drops the other's unconfirmed key; a retry of the same one reuses it, also after a restart.
   */
  function act(id: string, body: unknown, send: (key: string) => Promise<Registration>) {
    set((s) => ({ busy: { ...s.busy, [id]: true } }))
    return sendKeyed(`registration:${id}`, body, send)
      .then((registration) => {
        set((s) => {
          const event = s.byId[id]
          return { byId: event ? { ...s.byId, [id]: { ...event, myRegistration: registration } } : s.byId }
        })
        // Counts and waitlist positions changed on the server: refresh quietly.
        get().loadEvent(id).catch(() => undefined)
        return registration
      })
      .finally(() => set((s) => ({ busy: omit(s.busy, id) })))
  }

  return {
    byId: {},
    busy: {},
    remember: (events) => set((s) => ({ byId: { ...s.byId, ...Object.fromEntries(events.map((e) => [e.id, e])) } })),
    loadEvent: async (id) => {
      const event = await getEvent(id)
      set((s) => ({ byId: { ...s.byId, [id]: event } }))
      return event
    },
    register: (id, contestItems) =>
      act(id, { register: contestItems ?? null }, (key) => registerForEvent(id, key, contestItems)),
    cancel: (id) => act(id, { cancel: true }, (key) => cancelRegistration(id, key)),
    applyRegistration: (id, registration) => {
      set((s) => {
        const event = s.byId[id]
        return event ? { byId: { ...s.byId, [id]: { ...event, myRegistration: registration } } } : {}
      })
      get().loadEvent(id).catch(() => undefined)
    },
  }
})
