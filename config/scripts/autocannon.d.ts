// The part of autocannon 8 (it ships no types, and @types/autocannon is not installed) that bench-api.ts uses.
declare module 'autocannon' {
  /** One request as autocannon sends it; `setupRequest` answers the next one. */
  export type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string }
  export type Options = {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    /** Seconds a request may take before it counts as a timeout (default 10). */
    timeout?: number
    requests?: { setupRequest?: (req: Request) => Request }[]
  }
  /** Milliseconds, per percentile. */
  export type Histogram = { p50: number; p99: number; average: number; max: number }
  export type Result = {
    errors: number
    timeouts: number
    non2xx: number
    latency: Histogram
    requests: { total: number; average: number }
  }
  export default function autocannon(options: Options): Promise<Result>
}
