import type { IncomingMessage } from 'node:http'
import type { z } from 'zod'
import type { Role } from '../src/api/contract/auth'
import type { Clock } from './clock'
import type { UserRecord } from './db'
import type { Reply } from './http'
import type { Tx } from './repos/tx'

/**
 * Everything a handler may use. A handler reaches stored data only through the repositories
 * (mock/repos/*), always with `tx`: the request's one transaction.
 */
export type Context = {
  tx: Tx
  clock: Clock
  req: IncomingMessage
  params: Record<string, string>
  query: Record<string, string | string[]>
  body: unknown
  /** The caller, when the route needs one. */
  user: UserRecord
  /** Folder the uploaded files are written to (created on first call). */
  uploadDir(): string
  /** Whether the test routes are on (and with them the fixed login code 123456). */
  testRoutes: boolean
  /** The caller's address, for per-address limits (mock/client-address.ts). */
  address: string
  /** Hands a drawn login code to the SMS gateway (the mock: its log). */
  sendSms(phone: string, code: string): void
}

/** Who may call a route: nobody in particular, any signed-in user, or the listed roles. */
export type Access = 'public' | 'any' | Role[]

/** One endpoint. */
export type Route = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  access: Access
  /** Accepts `Idempotency-Key` (mutating POSTs; DELETE, PATCH and PUT as an extension). */
  idempotent?: boolean
  /**
   * A multipart/form-data upload rather than JSON: the body is read up to `limit` bytes and handed
   * to the handler as a parsed MultipartBody (mock/multipart.ts).
   */
  upload?: { limit: number }
  /** A `text/csv` body (an import): handed to the handler as its UTF-8 text, BOM removed. */
  csv?: true
  /** What the OpenAPI document says about the route (mock/openapi.ts). */
  doc: {
    summary: string
    query?: z.core.$ZodType
    body?: z.core.$ZodType
    response?: z.core.$ZodType
    status?: number
    /** Media type of a non-JSON answer (the CSV export). */
    produces?: string
  }
  handle(ctx: Context): Promise<Reply> | Reply
}

/** A compiled route: its pattern and parameter names. */
export type CompiledRoute = Route & { pattern: RegExp; names: string[] }

/** Compiles `/events/:id/registration` into a matcher. */
export function compile(route: Route): CompiledRoute {
  const names: string[] = []
  const source = route.path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(part.slice(1))
      return '([^/]+)'
    })
    .join('/')
  return { ...route, pattern: new RegExp(`^${source}$`), names }
}

/** Finds the route for a path: the match for the method, or the list of methods the path allows. */
export function match(
  routes: CompiledRoute[],
  method: string,
  path: string,
): { route: CompiledRoute; params: Record<string, string> } | { allowed: string[] } | null {
  const allowed: string[] = []
  for (const route of routes) {
    const m = route.pattern.exec(path)
    if (!m) continue
    if (route.method !== method) {
      allowed.push(route.method)
      continue
    }
    const params: Record<string, string> = {}
    route.names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1])
      } catch {
        params[name] = m[i + 1]
      }
    })
    return { route, params }
  }
  return allowed.length ? { allowed } : null
}
