import Taro from '@tarojs/taro'
import { z } from 'zod/mini'
import { createId } from '@/shared/lib/id'
import { useSessionStore } from '@/stores/session-store'
import { ApiError, messageForCode } from './api-error'
import { apiErrorBodySchema } from './contract/common'

// WeChat forbids `new Function`, which zod's JIT uses.
z.config({ jitless: true })

/** HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One API call: path below the base URL, query, JSON body and the schema its answer must match. */
export type ApiRequest<S extends z.core.$ZodType | undefined> = {
  method: Method
  path: string
  query?: Record<string, string | number | boolean | undefined | null>
  body?: unknown
  /** Schema of a 2xx answer; omit for 204 answers. */
  schema?: S
  /** Idempotency-Key for a mutating call; kept by the caller across retries of the same user action. */
  idempotencyKey?: string
  /** The body's media type when it is not JSON: a CSV import sends its text as `text/csv`. */
  contentType?: 'text/csv'
  /** A 401 here is an answer (login), not an expired session. */
  skipAuthRedirect?: boolean
}

/** What Taro.request resolves with (the part the client reads). */
type RawResponse = { statusCode: number; data: unknown; header?: Record<string, string> }

/** The transport: Taro.request by default; tests pass their own. */
export type Transport = (options: {
  url: string
  method: Method
  data?: unknown
  header: Record<string, string>
  timeout: number
}) => Promise<RawResponse>

/** Settings of a client instance. */
export type ClientOptions = {
  baseUrl: string
  transport: Transport
  getToken: () => string | null
  onUnauthorized: () => void
  sleep: (ms: number) => Promise<void>
  timeoutMs: number
  maxInFlight: number
  /** Attempts for a retriable call (idempotent, failed on the network), the first included. */
  maxAttempts: number
  backoffMs: number
}

/** An API client bound to its options. */
export type ApiClient = <S extends z.core.$ZodType | undefined = undefined>(
  request: ApiRequest<S>,
) => Promise<S extends z.core.$ZodType ? z.output<S> : void>

/** Builds a client: base URL, bearer token, timeout, concurrency limit, retry, error mapping. */
export function createApiClient(options: ClientOptions): ApiClient {
  let inFlight = 0
  const queue: (() => void)[] = []
  const acquire = () =>
    new Promise<void>((resolve) => {
      if (inFlight < options.maxInFlight) {
        inFlight += 1
        resolve()
      } else queue.push(resolve)
    })
  const release = () => {
    const next = queue.shift()
    if (next) next()
    else inFlight -= 1
  }

  return async function call(request) {
    const mutating = request.method !== 'GET'
    const key = mutating ? (request.idempotencyKey ?? createId()) : undefined
    // GETs are safe to repeat; mutations are, too, when they carry an Idempotency-Key (all of ours do).
    const attempts = request.method === 'GET' || key ? options.maxAttempts : 1
    const url = options.baseUrl + request.path + queryString(request.query)
    for (let attempt = 1; ; attempt += 1) {
      const header: Record<string, string> = { Accept: 'application/json' }
      const token = options.getToken()
      if (token) header.Authorization = `Bearer ${token}`
      if (key) header['Idempotency-Key'] = key
      if (request.body !== undefined) header['Content-Type'] = request.contentType ? `${request.contentType}; charset=utf-8` : 'application/json'
      let response: RawResponse
      await acquire()
      try {
        response = await options.transport({ url, method: request.method, data: request.body, header, timeout: options.timeoutMs })
      } catch (failure) {
        const error = transportError(failure)
        if (attempt < attempts) {
          await options.sleep(options.backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5))
          continue
        }
        throw error
      } finally {
        release()
      }
      return readResponse(response, request, options) as never
    }
  }
}

function queryString(query: ApiRequest<undefined>['query']): string {
  if (!query) return ''
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

function transportError(failure: unknown): ApiError {
  const text = failure && typeof failure === 'object' && 'errMsg' in failure ? String(failure.errMsg) : String(failure)
  return new ApiError({ kind: /timeout|超时/i.test(text) ? 'timeout' : 'network' })
}

function readResponse(response: RawResponse, request: ApiRequest<z.core.$ZodType | undefined>, options: Pick<ClientOptions, 'onUnauthorized'>): unknown {
  const { statusCode, data } = response
  if (statusCode >= 200 && statusCode < 300) {
    if (!request.schema) return undefined
    const parsed = z.safeParse(request.schema, data)
    if (!parsed.success) throw new ApiError({ kind: 'parse', status: statusCode })
    return parsed.data
  }
  const body = apiErrorBodySchema.safeParse(data)
  const code = body.success ? body.data.error.code : statusCode >= 500 ? 'INTERNAL' : `HTTP_${statusCode}`
  if (statusCode === 401 && !request.skipAuthRedirect) options.onUnauthorized()
  throw new ApiError({
    kind: 'http',
    status: statusCode,
    code,
    message: messageForCode(code, body.success ? body.data.error.message : undefined, body.success ? body.data.error.retryAfter : undefined),
    fields: body.success ? body.data.error.fields : undefined,
    retryAfter: body.success ? body.data.error.retryAfter : undefined,
    lineErrors: body.success ? body.data.error.errors : undefined,
  })
}

let unauthorizedHandler: () => void = () => {}

/** Registers what happens when a call answers 401 (the app returns to 登录). */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler
}

const API_BASE = process.env.TARO_APP_API_BASE ?? '/api'

/** Full URL of an API path, for transfers the JSON client does not make (file downloads). */
export function apiUrl(path: string): string {
  return API_BASE + path
}

/** The signed-in user's `Authorization` header (empty when signed out), for the same transfers. */
export function authHeader(): Record<string, string> {
  const token = useSessionStore.getState().token
  return token ? { Authorization: `Bearer ${token}` } : {}
}

/** The app's client: the configured API base (TARO_APP_API_BASE), 10 s timeout, 6 requests in flight, 3 attempts. */
export const apiClient: ApiClient = createApiClient({
  baseUrl: API_BASE,
  transport: (options) => Taro.request({ ...options, dataType: 'json' }) as unknown as Promise<RawResponse>,
  getToken: () => useSessionStore.getState().token,
  onUnauthorized: () => unauthorizedHandler(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  timeoutMs: 10_000,
  maxInFlight: 6,
  maxAttempts: 3,
  backoffMs: 600,
})

/** Reads the answer of a transfer the JSON client does not make (uploads) exactly like a JSON call's. */
export function readTransferAnswer<S extends z.core.$ZodType>(statusCode: number, data: unknown, schema: S): z.output<S> {
  return readResponse({ statusCode, data }, { method: 'POST', path: '', schema }, { onUnauthorized: () => unauthorizedHandler() }) as z.output<S>
}

/** The ApiError of a transfer that failed before any answer (no connection, timeout). */
export { transportError }
