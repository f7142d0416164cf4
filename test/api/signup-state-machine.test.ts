import fc from 'fast-check'
import { checkinCode, checkinSlot } from '../../mock/checkin-code'
import type { EventRecord } from '../../mock/db'
import { signIn } from '../support/endpoint-samples'
import { createEvent } from '../support/fixtures'
import { startMockApi, type MockApi } from '../support/mock-api'

// Issue 6: model-based tests (fast-check commands) of sign-up, cancel, leave, capacity edits and
// check-in on one small event with six secretaries. The event starts in 20 minutes, so at the pinned
// instant sign-up is open, cancelling and leave are still allowed and the check-in window is open.
// After every command the answer matches the model, and the invariants hold: seats taken ≤ capacity,
// no free seat while someone waits, the waitlist in order of joining (positions 1..n), one
// registration per person.
jest.setTimeout(120_000)

const MINUTE = 60_000
const PEOPLE = ['u-s01', 'u-s02', 'u-s03', 'u-s04', 'u-s05', 'u-s06']
const ORGANISER = 'u-o1'

let api: MockApi
beforeAll(async () => {
  api = await startMockApi()
})
afterAll(() => api.close())

type Person = { status: 'none' | 'registered' | 'waitlisted' | 'cancelled'; leave: boolean; checkedIn: boolean; joined: number }
type Model = { capacity: number; people: Person[]; joins: number }
type Real = { event: EventRecord; tokens: string[]; organiser: string }

const seated = (m: Model) => m.people.filter((p) => p.status === 'registered' && !p.leave).length
const waitlist = (m: Model) =>
  m.people
    .map((p, i) => ({ ...p, i }))
    .filter((p) => p.status === 'waitlisted')
    .sort((a, b) => a.joined - b.joined)

/** The head of the line takes every free seat, as the mock promises. */
function promote(m: Model): void {
  for (const next of waitlist(m)) {
    if (seated(m) >= m.capacity) break
    m.people[next.i].status = 'registered'
  }
}

const call = (method: string, path: string, token: string, body?: unknown) => api.call(method, path, { token, body })

/** Compares the mock with the model and checks the invariants, straight from the roster and the event. */
async function checkInvariants(m: Model, r: Real): Promise<void> {
  const roster = await call('GET', `/events/${r.event.id}/registrations?pageSize=100`, r.organiser)
  expect(roster.status).toBe(200)
  const rows: { user: { id: string }; status: string; waitlistPosition?: number; attendance: string }[] = roster.body.items
  const ids = rows.map((row) => row.user.id)
  // One registration per person.
  expect(new Set(ids).size).toBe(ids.length)
  const taken = rows.filter((row) => row.status === 'registered' && row.attendance !== 'leave').length
  const waiting = rows.filter((row) => row.status === 'waitlisted')
  const event = (await call('GET', `/events/${r.event.id}`, r.organiser)).body
  expect({ capacity: event.capacity, registeredCount: event.registeredCount, waitlistCount: event.waitlistCount }).toEqual({
    capacity: m.capacity,
    registeredCount: taken,
    waitlistCount: waiting.length,
  })
  // Seats taken ≤ capacity; no free seat while someone waits.
  expect(taken).toBeLessThanOrEqual(event.capacity)
  if (waiting.length > 0) expect(taken).toBe(event.capacity)
  // FIFO: positions 1..n in order of joining, as the model saw them join.
  const line = waiting.sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0))
  expect(line.map((row) => row.waitlistPosition)).toEqual(line.map((_, k) => k + 1))
  expect(line.map((row) => row.user.id)).toEqual(waitlist(m).map((p) => PEOPLE[p.i]))
  // Everyone as the model has them.
  const byId = new Map(rows.map((row) => [row.user.id, row]))
  m.people.forEach((p, i) => {
    const row = byId.get(PEOPLE[i])
    const seen = row ? { status: row.status, leave: row.attendance === 'leave', checkedIn: row.attendance === 'present' || row.attendance === 'late' } : undefined
    if (p.status === 'none') expect(seen).toBeUndefined()
    else expect(seen).toEqual({ status: p.status, leave: p.leave, checkedIn: p.status === 'cancelled' ? seen?.checkedIn : p.checkedIn })
  })
}

class SignUp implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = () => true
  async run(m: Model, r: Real): Promise<void> {
    const p = m.people[this.who]
    const res = await call('POST', `/events/${r.event.id}/registration`, r.tokens[this.who], {})
    if (p.status === 'registered' || p.status === 'waitlisted') {
      expect(res.status).toBe(200)
    } else {
      expect(res.status).toBe(201)
      m.joins += 1
      m.people[this.who] = { status: seated(m) < m.capacity ? 'registered' : 'waitlisted', leave: false, checkedIn: false, joined: m.joins }
    }
    expect(res.body.status).toBe(m.people[this.who].status)
    await checkInvariants(m, r)
  }
  toString = () => `signUp(${PEOPLE[this.who]})`
}

class Cancel implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = () => true
  async run(m: Model, r: Real): Promise<void> {
    const p = m.people[this.who]
    const res = await call('DELETE', `/events/${r.event.id}/registration`, r.tokens[this.who])
    if (p.status === 'none' || p.status === 'cancelled') {
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('NOT_REGISTERED')
    } else if (p.checkedIn) {
      expect(res.status).toBe(409)
      expect(res.body.error.code).toBe('TOO_LATE_TO_CANCEL')
    } else {
      expect(res.status).toBe(200)
      const freed = p.status === 'registered' && !p.leave
      p.status = 'cancelled'
      if (freed) promote(m)
    }
    await checkInvariants(m, r)
  }
  toString = () => `cancel(${PEOPLE[this.who]})`
}

class Leave implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = () => true
  async run(m: Model, r: Real): Promise<void> {
    const p = m.people[this.who]
    const res = await call('POST', `/events/${r.event.id}/leave`, r.tokens[this.who], { reason: '村里临时有事' })
    if (p.status !== 'registered') {
      expect([res.status, res.body.error?.code]).toEqual([409, 'NOT_REGISTERED'])
    } else if (p.leave) {
      expect(res.status).toBe(200)
    } else if (p.checkedIn) {
      expect([res.status, res.body.error?.code]).toEqual([409, 'TOO_LATE_TO_CANCEL'])
    } else {
      expect(res.status).toBe(200)
      p.leave = true
      promote(m)
    }
    await checkInvariants(m, r)
  }
  toString = () => `leave(${PEOPLE[this.who]})`
}

class SetCapacity implements fc.AsyncCommand<Model, Real> {
  constructor(readonly capacity: number) {}
  check = () => true
  async run(m: Model, r: Real): Promise<void> {
    const res = await call('PATCH', `/events/${r.event.id}`, r.organiser, { capacity: this.capacity })
    if (this.capacity !== m.capacity && this.capacity < seated(m)) {
      expect([res.status, res.body.error?.code]).toEqual([409, 'CAPACITY_BELOW_REGISTERED'])
    } else {
      expect(res.status).toBe(200)
      const grew = this.capacity > m.capacity
      m.capacity = this.capacity
      if (grew) promote(m)
    }
    await checkInvariants(m, r)
  }
  toString = () => `capacity(${this.capacity})`
}

class CheckIn implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = () => true
  async run(m: Model, r: Real): Promise<void> {
    const p = m.people[this.who]
    const code = checkinCode(r.event, checkinSlot(api.mock.clock.now()))
    const res = await call('POST', `/events/${r.event.id}/checkin`, r.tokens[this.who], { code })
    if (p.status === 'registered' && p.checkedIn) {
      expect(res.status).toBe(200)
    } else if (p.status !== 'registered' || p.leave) {
      expect([res.status, res.body.error?.code]).toEqual([409, 'NOT_REGISTERED'])
    } else {
      expect(res.status).toBe(200)
      p.checkedIn = true
    }
    await checkInvariants(m, r)
  }
  toString = () => `checkIn(${PEOPLE[this.who]})`
}

const who = fc.nat(PEOPLE.length - 1)
const commands = [
  who.map((i) => new SignUp(i)),
  who.map((i) => new SignUp(i)),
  who.map((i) => new Cancel(i)),
  who.map((i) => new Leave(i)),
  fc.integer({ min: 1, max: 6 }).map((c) => new SetCapacity(c)),
  who.map((i) => new CheckIn(i)),
]

describe('sign-up, cancel, leave, capacity and check-in as a state machine', () => {
  it('should keep seats ≤ capacity, no free seat while someone waits, a FIFO waitlist and one registration per person', async () => {
    // Six people, so that everyone could be signed in once for the whole run.
    const tokens: string[] = []
    for (const id of PEOPLE) tokens.push(await signIn(api, id))
    const organiser = await signIn(api, ORGANISER)
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const now = api.mock.clock.now()
        const event = await createEvent(api, { capacity: 2, startAt: now + 20 * MINUTE, endAt: now + 140 * MINUTE, signupDeadline: now + 10 * MINUTE })
        const model: Model = { capacity: 2, people: PEOPLE.map(() => ({ status: 'none', leave: false, checkedIn: false, joined: 0 })), joins: 0 }
        await fc.asyncModelRun(() => ({ model, real: { event, tokens, organiser } }), cmds)
      }),
      { numRuns: 100 },
    )
  })
})
