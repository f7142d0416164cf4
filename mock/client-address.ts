import type { IncomingMessage } from 'node:http'

/**
 * The address a request came from, for the per-address limits (API.md v1.1). Forwarded headers are
 * trusted only when configured (`MOCK_TRUST_PROXY=1`, for a mock behind one reverse proxy): then the
 * last X-Forwarded-For entry, the one that proxy added, is the client; entries before it are the
 * client's own say and could be anything.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for']
    const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean)
    if (hops.length > 0) return hops[hops.length - 1]
  }
  return req.socket.remoteAddress ?? 'unknown'
}

/** Whether the environment says the mock sits behind a reverse proxy whose forwarded headers count. */
export function trustProxyFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return env.MOCK_TRUST_PROXY === '1'
}
