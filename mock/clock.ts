/** The mock's notion of now: the real clock, or frozen at an instant (MOCK_NOW, POST /__mock/clock). */
export type Clock = { now(): number; freeze(at: number): void; frozenAt(): number | null }

/** Makes a clock, frozen at `frozenAt` when given. */
export function createClock(frozenAt: number | null = null): Clock {
  let frozen = frozenAt
  return {
    now: () => frozen ?? Date.now(),
    freeze: (at) => {
      frozen = at
    },
    frozenAt: () => frozen,
  }
}

/** Reads MOCK_NOW (any ISO 8601 instant) or throws a clear message. */
export function clockFromEnv(value: string | undefined): Clock {
  if (!value) return createClock()
  const at = Date.parse(value)
  if (Number.isNaN(at)) throw new Error(`MOCK_NOW is not an ISO 8601 instant: ${value}`)
  return createClock(at)
}
