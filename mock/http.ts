import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { ErrorCode } from '../src/api/contract/common'

/** A failure with an HTTP status and a contract error code; handlers throw it, the server answers it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** Seconds until a limit lets the caller try again (API.md v1.1: every 429 carries it). */
    readonly retryAfter?: number,
  ) {
    super(message)
  }
}

/** A 429 of API.md v1.1: the code, a Chinese message and the seconds to wait (at least 1). */
export function limited(code: ErrorCode, message: string, retryAfterMs: number): HttpError {
  return new HttpError(429, code, message, undefined, Math.max(1, Math.ceil(retryAfterMs / 1000)))
}

/** What a handler answers. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> }

/** Parses `value` with a contract schema or throws 400 VALIDATION_FAILED with Chinese field messages. */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  // The functional form takes any zod 4 schema: the contract's (zod/mini) and the mock's own (classic).
  const result = z.safeParse(schema, value)
  if (result.success) return result.data
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = '不支持的字段'
      continue
    }
    const path = issue.path.map(String).join('.') || '_'
    if (!fields[path]) fields[path] = issue.message
  }
  throw validationFailed(fields)
}

/** 400 VALIDATION_FAILED with field messages, for rules a schema alone cannot check. */
export function validationFailed(fields: Record<string, string>): HttpError {
  return new HttpError(400, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改后重试', fields)
}

/** Reads the raw request body up to `limit` bytes; past it, answers 413 without keeping the rest. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    const tooLarge = () =>
      new HttpError(413, 'PAYLOAD_TOO_LARGE', `请求内容过大（上限 ${Math.round(limit / 1024 / 1024)} MB）`)
    if (declared > limit) {
      req.resume()
      req.on('end', () => reject(tooLarge()))
      req.on('error', reject)
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) over = true
      if (!over) chunks.push(chunk)
    })
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))))
    req.on('error', reject)
  })
}

/**
 * How deep a JSON body may nest. The contract's deepest body is 3 levels (items[].metric); the bound
 * keeps recursive code (the Idempotency-Key hash, validation) from overflowing the stack on `[[[…]]]`.
 */
export const JSON_DEPTH_MAX = 32

/** Parses a JSON body; an empty body is `undefined`; nesting deeper than JSON_DEPTH_MAX is a 400. */
const UTF8 = new TextDecoder('utf-8', { fatal: true })

export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined
  let value: unknown
  try {
    // Fatal: bytes that are not UTF-8 are refused, never turned into U+FFFD and stored (API.md v1.1).
    value = JSON.parse(UTF8.decode(raw))
  } catch {
    throw new HttpError(400, 'VALIDATION_FAILED', '请求体不是合法的 JSON', { _: '请求体不是合法的 JSON' })
  }
  if (nestedDeeperThan(value, JSON_DEPTH_MAX)) {
    throw new HttpError(400, 'VALIDATION_FAILED', '请求体层次过深', { _: `请求体嵌套不能超过 ${JSON_DEPTH_MAX} 层` })
  }
  return value
}

/** A CSV body as text: UTF-8 (refused otherwise), a leading BOM removed. */
export function parseCsvText(raw: Buffer): string {
  try {
    return UTF8.decode(raw).replace(/^\uFEFF/, '')
  } catch {
    throw new HttpError(400, 'VALIDATION_FAILED', 'CSV 文件不是 UTF-8 编码：请在 Excel 或 WPS 中“另存为 CSV UTF-8”', { _: 'CSV 文件应为 UTF-8 编码' })
  }
}

/** True when objects and arrays nest more than `max` levels (walked without recursion). */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (!v || typeof v !== 'object') continue
    if (depth > max) return true
    for (const child of Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

/** Turns a query string into an object; a repeated name becomes an array (and so fails validation). */
export function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of search) {
    const prev = out[key]
    out[key] = prev === undefined ? value : ([] as string[]).concat(prev, value)
  }
  return { ...out }
}

/** Writes a reply as JSON (or nothing for 204). */
export function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...reply.headers }
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers)
    res.end()
    return
  }
  if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) {
    res.writeHead(reply.status, headers)
    res.end(reply.body)
    return
  }
  const json = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(json)),
    ...headers,
  })
  res.end(json)
}

/** The error body of API.md for a thrown HttpError. */
export function errorReply(error: HttpError): Reply {
  const retry = error.retryAfter
  return {
    status: error.status,
    body: {
      error: {
        code: error.code,
        message: error.message,
        ...(error.fields && error.status === 400 ? { fields: error.fields } : {}),
        ...(retry !== undefined ? { retryAfter: retry } : {}),
      },
    },
    ...(retry !== undefined ? { headers: { 'Retry-After': String(retry) } } : {}),
  }
}

/** Canonical JSON (sorted keys) so that the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  // Uploaded bytes count by their digest (a body may hold a 5 MB file).
  if (Buffer.isBuffer(value)) return JSON.stringify(`sha256:${createHash('sha256').update(value).digest('hex')}`)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value ?? null)
}
