import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { IDEMPOTENCY_KEY_MAX } from '../src/api/contract/common'
import { clockFromEnv, type Clock } from './clock'
import { applyBulk } from './bulk'
import type { DbState, UserRecord } from './db'
import { openStorage, type Storage } from './db/engine'
import { clearAll, isEmpty, readState, restoreSnapshot, saveSnapshot, writeState } from './db/seed-store'
import { findAnswer, keepNewestAnswers, pruneAnswers, saveAnswer } from './repos/idempotency'
import { findSession, touchSession } from './repos/sessions'
import { clientAddress, trustProxyFromEnv } from './client-address'
import type { Tx } from './repos/tx'
import { findUser } from './repos/users'
import { HttpError, canonicalJson, errorReply, limited, parseJson, parseOrThrow, parseQuery, readBody, send, type Reply, parseCsvText } from './http'
import { createOpenApiDocument } from './openapi'
import { parseMultipart } from './multipart'
import { compile, match, type CompiledRoute, type Route } from './router'
import { attendanceRoutes } from './routes/attendance'
import { auditRoutes } from './routes/audit'
import { authRoutes, bearerToken } from './routes/auth'
import { checkinRoutes } from './routes/checkin'
import { commitmentRoutes } from './routes/commitments'
import { eventAdminRoutes } from './routes/event-admin'
import { eventRoutes } from './routes/events'
import { examRoutes } from './routes/exams'
import { recommendationRoutes } from './routes/recommendations'
import { honourRoutes } from './routes/honours'
import { notificationRoutes } from './routes/notifications'
import { rosterRoutes } from './routes/roster'
import { scoreRoutes } from './routes/scores'
import { themeMonthRoutes } from './routes/theme-months'
import { serveUpload, uploadRoutes } from './routes/uploads'
import { userRoutes } from './routes/users'
import { createSeed } from './seed'
import { serveStatic } from './static'

z.config(z.locales.zhCN())

const JSON_LIMIT = 1024 * 1024
const IDEMPOTENCY_TTL_MS = 48 * 60 * 60 * 1000
/** Mutating requests a caller may send in a minute (API.md v1.1). */
export const MUTATIONS_PER_MINUTE = 120
/** Idempotency answers kept per caller; the oldest beyond it are forgotten (API.md v1.1). */
export const IDEMPOTENCY_PER_CALLER = 2000
/** A session ends this long after its last use (API.md v1.1). */
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000

/** Options of the mock server. */
export type MockOptions = {
  /** Keep the data in this folder (MOCK_DATA_DIR): PGlite's files in `pgdata/`, uploads in `uploads/`. */
  dataDir?: string
  /** Use this PostgreSQL database (DATABASE_URL) instead of the embedded PGlite. */
  databaseUrl?: string
  /** On PostgreSQL, work in a fresh database of its own, dropped on close (test files side by side). */
  isolate?: boolean
  /** The clock; defaults to MOCK_NOW or the real clock. */
  clock?: Clock
  /** Serve this folder (the built H5 app) for every path outside /api, /__mock and /uploads. */
  staticDir?: string
  /** Enables /__mock/reset, /__mock/clock and /__mock/bulk (default: `testRoutesFromEnv()`). */
  testRoutes?: boolean
  /** Folder for uploaded files; default: `<dataDir>/uploads` with MOCK_DATA_DIR, else a fresh temp folder. */
  uploadDir?: string
  /** Origins a browser may call the API from besides its own (default: MOCK_ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins?: string[]
  /** Headers must arrive within `headersMs`, the whole request within `requestMs` (default 10 s and 30 s). */
  timeouts?: { headersMs: number; requestMs: number }
  /** Mutating requests per caller per minute (default: MOCK_MUTATIONS_PER_MINUTE or 120, API.md v1.1). */
  mutationsPerMinute?: number
  /** Trust X-Forwarded-For from one reverse proxy (default: MOCK_TRUST_PROXY=1). */
  trustProxy?: boolean
  /** Where drawn login codes go (the SMS gateway's stand-in); default: the mock's log. */
  onSmsCode?: (phone: string, code: string) => void
  /** Artificial latency per API answer in ms, to make loading states visible in development. */
  delayMs?: number
  /**
   * An already open storage to work on instead of opening one (tests reuse one database across the
   * servers of a file). The server neither seeds nor closes it: its owner calls reset() and close().
   */
  storage?: Promise<Storage>
}

/** A running (or ready to run) mock: the Node server, its storage and its clock. */
export type MockServer = {
  server: Server
  /** The open storage (resolves once the database is open, migrated and seeded). */
  storage: Promise<Storage>
  clock: Clock
  /** Everything stored, read in one transaction (tests compare it before and after). */
  state(): Promise<DbState>
  /** Runs `work` in one transaction of the storage (tests add rows the API has no way to add). */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  /** Restores the seed, around the clock's now (POST /__mock/reset does the same). */
  reset(): Promise<void>
  /** Makes the next `n` commits of API writes fail, as a database that cannot commit would. */
  failCommits(n: number): void
  /** Listens on `port` (0 = any free port) at 127.0.0.1 and resolves with the base URL of the API. */
  listen(port: number): Promise<string>
  close(): Promise<void>
}

/** Every endpoint of the mock, in matching order. */
export const ROUTES: Route[] = [
  ...authRoutes,
  ...userRoutes,
  ...eventRoutes,
  ...eventAdminRoutes,
  ...rosterRoutes,
  ...checkinRoutes,
  ...attendanceRoutes,
  ...notificationRoutes,
  ...honourRoutes,
  ...themeMonthRoutes,
  ...commitmentRoutes,
  ...scoreRoutes,
  ...uploadRoutes,
  ...auditRoutes,
  ...examRoutes,
  ...recommendationRoutes,
]
const routes: CompiledRoute[] = ROUTES.map(compile)
let openApi: Record<string, unknown> | null = null

const clockBodySchema = z.strictObject({ now: z.iso.datetime({ offset: true }) })
const faultsBodySchema = z.strictObject({ failCommits: z.number().int().min(0).max(1000) })

/** The answer to a request whose transaction could not be committed: nothing of it was kept. */
const storageUnavailable = () => new HttpError(503, 'STORAGE_UNAVAILABLE', '数据暂时无法保存，请稍后重试；本次操作没有生效')

/**
 * The seed copies kept in a database, by the instant they were seeded around. Per storage and per
 * process: a copy found in a data folder from an earlier run is replaced, never trusted.
 */
const seedCopyNames = new WeakMap<Storage, Map<number, string>>()
function seedCopies(storage: Storage): Map<number, string> {
  let names = seedCopyNames.get(storage)
  if (!names) seedCopyNames.set(storage, (names = new Map()))
  return names
}

/**
 * Whether the test routes (/__mock/*, and with them the fixed login code 123456) are on: only when asked for with
 * MOCK_TEST_ROUTES=1, and never with NODE_ENV=production (API.md v1.1). `npm start`, the e2e run and the
 * bench ask for them; `npm run preview` does not, so it behaves as production would.
 */
export function testRoutesFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return env.MOCK_TEST_ROUTES === '1' && env.NODE_ENV !== 'production'
}

const FORWARDED_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto'] as const

/** The origins of MOCK_ALLOWED_ORIGINS (comma-separated; none by default). */
export function allowedOriginsFromEnv(env: Record<string, string | undefined> = process.env): string[] {
  return (env.MOCK_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
}

/**
 * 415 unless a request with a body says it is `type` (API.md v1.1). A page elsewhere can send text/plain
 * or a form without the browser asking first; JSON it cannot, so JSON only is what keeps them out.
 */
function requireMediaType(req: IncomingMessage, raw: Buffer, type: 'application/json' | 'multipart/form-data' | 'text/csv'): void {
  if (raw.length === 0 && req.headers['content-type'] === undefined) return
  const given = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (given === type) return
  const names = { 'application/json': 'JSON（Content-Type: application/json）', 'multipart/form-data': '文件上传（multipart/form-data）', 'text/csv': 'CSV 文件（text/csv）' }
  throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `请求内容的格式不对：这里只接受${names[type]}`)
}

/** Builds the mock API server of API.md. */
export function createMockServer(options: MockOptions = {}): MockServer {
  const clock = options.clock ?? clockFromEnv(process.env.MOCK_NOW)
  const ownsStorage = options.storage === undefined
  const storage =
    options.storage ??
    openStorage({
      dataDir: options.dataDir && !options.databaseUrl ? join(options.dataDir, 'pgdata') : undefined,
      databaseUrl: options.databaseUrl,
      isolate: options.isolate,
    }).then(async (opened) => {
      // A new database starts from the seed; one that holds data (MOCK_DATA_DIR, DATABASE_URL) keeps it.
      await opened.transaction(async (trx) => {
        if (await isEmpty(trx)) await writeState(trx, createSeed(clock.now()))
      })
      return opened
    })
  // Nobody may be left with an unhandled rejection: the error surfaces at listen() or the first request.
  storage.catch(() => undefined)
  let pendingFaults = 0
  const testRoutes = options.testRoutes ?? testRoutesFromEnv()
  const trustProxy = options.trustProxy ?? trustProxyFromEnv()
  const allowedOrigins = new Set(options.allowedOrigins ?? allowedOriginsFromEnv())
  const mutationLimit = options.mutationsPerMinute ?? (Number(process.env.MOCK_MUTATIONS_PER_MINUTE) || MUTATIONS_PER_MINUTE)
  // Per caller, the instants of their mutating requests in the last minute. Kept in memory, as a
  // gateway or Redis would keep them: every request counts, refused ones too, so it cannot roll back.
  const mutationsOf = new Map<string, number[]>()
  const mutationWait = (callerId: string, now: number): number => {
    const recent = (mutationsOf.get(callerId) ?? []).filter((at) => at > now - 60_000)
    if (recent.length >= mutationLimit) {
      mutationsOf.set(callerId, recent)
      return recent[recent.length - mutationLimit] + 60_000 - now
    }
    recent.push(now)
    mutationsOf.set(callerId, recent)
    return 0
  }
  const sendSms = options.onSmsCode ?? ((phone: string, code: string) => console.log(`[mock] 短信验证码 ${phone}: ${code}（5 分钟内有效）`))
  let uploadDir = options.uploadDir ?? (options.dataDir ? join(options.dataDir, 'uploads') : '')
  // Created on first use, so a server that never sees an upload leaves nothing behind.
  let tempUploads = false
  const uploadFolder = () => {
    if (!uploadDir) {
      uploadDir = mkdtempSync(join(tmpdir(), 'zhishutong-uploads-'))
      tempUploads = true
    }
    return uploadDir
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock.local')
    const path = url.pathname
    // Forwarded headers count only behind a configured proxy (API.md v1.1); otherwise they are the
    // caller's own say, and everything downstream (upload URLs, client address) must not see them.
    if (!trustProxy) for (const name of FORWARDED_HEADERS) delete req.headers[name]
    res.setHeader('X-Content-Type-Options', 'nosniff')
    // API.md v1.1: CORS only for the configured origins; same-origin pages (npm start's proxy, preview)
    // and the mini-program need none. Other pages get no CORS headers, so their browser keeps the answer.
    const origin = req.headers.origin
    const corsAllowed = origin !== undefined && allowedOrigins.has(origin)
    res.setHeader('Vary', 'Origin')
    if (corsAllowed) res.setHeader('Access-Control-Allow-Origin', origin)
    if (req.method === 'OPTIONS') {
      res.writeHead(
        204,
        corsAllowed
          ? {
              'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
              'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
              'Access-Control-Max-Age': '86400',
            }
          : {},
      )
      res.end()
      return
    }
    try {
      if (path.startsWith('/__mock/') && testRoutes) {
        send(res, await handleTestRoute(req, path))
      } else if (path === '/api' || path.startsWith('/api/')) {
        const reply = await handleApi(req, path.slice(4) || '/', url.searchParams)
        if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs))
        send(res, reply)
      } else if (path.startsWith('/uploads/') && (req.method === 'GET' || req.method === 'HEAD')) {
        const s = await storage
        await s.transaction((tx) => serveUpload(tx, uploadFolder, path, req, res))
      } else if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
        await serveStatic(options.staticDir, path, req, res)
      } else {
        throw new HttpError(404, 'NOT_FOUND', '没有这个地址')
      }
    } catch (error) {
      // The caller went away (or was cut off by the request timeout): nobody is left to answer.
      if ((error as NodeJS.ErrnoException)?.code === 'ECONNRESET' || res.destroyed || res.headersSent) return
      if (error instanceof HttpError) {
        send(res, errorReply(error))
      } else {
        console.error('[mock] unexpected error', error)
        send(res, errorReply(new HttpError(500, 'INTERNAL', '服务器出错了，请稍后重试')))
      }
    }
  }

  async function handleTestRoute(req: IncomingMessage, path: string): Promise<Reply> {
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '只支持 POST')
    const raw = await readBody(req, JSON_LIMIT)
    requireMediaType(req, raw, 'application/json')
    const body = parseJson(raw)
    if (path === '/__mock/reset') {
      await reset()
      return { status: 204 }
    }
    if (path === '/__mock/faults') {
      pendingFaults = parseOrThrow(faultsBodySchema, body).failCommits
      return { status: 200, body: { failCommits: pendingFaults } }
    }
    if (path === '/__mock/clock') {
      const { now } = parseOrThrow(clockBodySchema, body)
      clock.freeze(Date.parse(now))
      return { status: 200, body: { now: new Date(clock.now()).toISOString() } }
    }
    if (path === '/__mock/bulk') {
      const s = await storage
      const filled = await s.transaction((tx) => applyBulk(tx, body, clock.now()))
      return { status: 200, body: filled }
    }
    throw new HttpError(404, 'NOT_FOUND', '没有这个地址')
  }

  async function handleApi(req: IncomingMessage, path: string, search: URLSearchParams): Promise<Reply> {
    if (path === '/openapi.json' && req.method === 'GET') {
      openApi ??= createOpenApiDocument(ROUTES)
      return { status: 200, body: openApi }
    }
    const found = match(routes, req.method ?? 'GET', path)
    if (!found) throw new HttpError(404, 'NOT_FOUND', '没有这个接口')
    if ('allowed' in found) {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `这个接口不支持 ${req.method}`)
    }
    const { route, params } = found
    const raw = req.method === 'GET' || req.method === 'HEAD' ? Buffer.alloc(0) : await readBody(req, route.upload?.limit ?? JSON_LIMIT)

    requireMediaType(req, raw, route.upload ? 'multipart/form-data' : route.csv ? 'text/csv' : 'application/json')
    const body = route.upload ? parseMultipart(raw, req.headers['content-type']) : route.csv ? parseCsvText(raw) : parseJson(raw)
    const s = await storage
    // One transaction per request: the caller's session, the rule, the change and the stored
    // Idempotency answer are kept together or not at all (a refusal thrown midway keeps nothing).
    let ran = false
    try {
      return await s.transaction(async (tx) => {
        ran = false
        const reply = await answer(tx, req, route, path, params, search, body)
        if (req.method !== 'GET' && req.method !== 'HEAD' && pendingFaults > 0) {
          pendingFaults -= 1
          // A deferred trigger refuses the commit itself (mock/db/migrations.ts): nothing is kept.
          await tx.insertInto('commit_guard').values({ armed: 1 }).execute()
        }
        ran = true
        return reply
      })
    } catch (error) {
      if (ran) {
        console.error('[mock] commit failed:', (error as Error).message)
        throw storageUnavailable()
      }
      throw error
    }
  }

  async function answer(
    tx: Tx,
    req: IncomingMessage,
    route: CompiledRoute,
    path: string,
    params: Record<string, string>,
    search: URLSearchParams,
    body: unknown,
  ): Promise<Reply> {
    let user = undefined as unknown as UserRecord
    if (route.access !== 'public') {
      const token = bearerToken(req.headers.authorization)
      const session = token ? await findSession(tx, token) : undefined
      const found = session && (await findUser(tx, session.userId))
      if (!found || !token || !session) {
        throw new HttpError(401, 'UNAUTHORIZED', token ? '登录已过期，请重新登录' : '请先登录')
      }
      // API.md v1.1: a session ends 30 days after its last use. Uses are recorded to the minute.
      const now = clock.now()
      const lastUse = session.lastUse ?? session.createdAt
      if (now - lastUse > SESSION_IDLE_MS) throw new HttpError(401, 'SESSION_EXPIRED', '太久没有使用，登录已失效，请重新登录')
      if (now - lastUse >= 60_000) await touchSession(tx, token, now)
      user = found
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        const waitMs = mutationWait(user.id, now)
        if (waitMs > 0) throw limited('RATE_LIMITED', `操作太频繁（每分钟最多 ${mutationLimit} 次），请稍后再试`, waitMs)
      }
      if (route.access !== 'any' && !route.access.includes(user.role)) {
        throw new HttpError(403, 'FORBIDDEN', '您的账号没有这项操作的权限')
      }
    }
    const key = req.headers['idempotency-key']
    const ctx = {
      tx,
      clock,
      req,
      params,
      query: parseQuery(search),
      body,
      user,
      uploadDir: uploadFolder,
      testRoutes,
      address: clientAddress(req, trustProxy),
      sendSms,
    }
    if (route.idempotent && key !== undefined) {
      return withIdempotency(tx, route, path, String(key), user?.id ?? 'anonymous', body, () => route.handle(ctx))
    }
    return route.handle(ctx)
  }

  async function withIdempotency(
    tx: Tx,
    route: CompiledRoute,
    path: string,
    key: string,
    callerId: string,
    body: unknown,
    run: () => Promise<Reply> | Reply,
  ): Promise<Reply> {
    if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX) {
      throw new HttpError(400, 'VALIDATION_FAILED', 'Idempotency-Key 应为 1–255 个字符', {
        'Idempotency-Key': `应为 1–${IDEMPOTENCY_KEY_MAX} 个字符`,
      })
    }
    const now = clock.now()
    const slot = `${callerId} ${route.method} ${path} ${key}`
    const hash = createHash('sha256').update(canonicalJson(body ?? null)).digest('hex')
    const previous = await findAnswer(tx, slot)
    if (previous && now - previous.at < IDEMPOTENCY_TTL_MS) {
      if (previous.hash !== hash) {
        throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', '这个请求标识已用于另一项操作，请刷新后重试')
      }
      return { status: previous.status, body: previous.body }
    }
    const reply = await run()
    if (reply.status >= 200 && reply.status < 300) {
      await saveAnswer(tx, slot, { hash, status: reply.status, body: reply.body, at: now })
      await keepNewestAnswers(tx, callerId, IDEMPOTENCY_PER_CALLER)
      await pruneIdempotency(tx, now)
    }
    return reply
  }

  let lastPrune = 0
  async function pruneIdempotency(tx: Tx, now: number): Promise<void> {
    if (now - lastPrune < 60 * 60 * 1000) return
    lastPrune = now
    await pruneAnswers(tx, now - IDEMPOTENCY_TTL_MS + 1)
  }

  // Slow senders cannot hold connections open: headers within 10 s, the whole request within 30 s
  // (API.md v1.1); Node answers 408 and closes. Checked every second rather than Node's 30 s.
  const timeouts = options.timeouts ?? { headersMs: 10_000, requestMs: 30_000 }
  const server = createServer(
    { headersTimeout: timeouts.headersMs, requestTimeout: timeouts.requestMs, connectionsCheckingInterval: Math.min(1000, timeouts.headersMs) },
    (req, res) => {
      void handle(req, res)
    },
  )
  // Requests Node's parser refuses before any handler runs (a URL or headers over 16 KB, broken
  // HTTP) still get an error body of the contract rather than Node's bare 431/400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
    const tooSlow = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    const [status, reply] = tooLarge
      ? ['431 Request Header Fields Too Large', errorReply(new HttpError(431, 'PAYLOAD_TOO_LARGE', '请求地址或请求头过长'))]
      : tooSlow
        ? ['408 Request Timeout', errorReply(new HttpError(408, 'REQUEST_TIMEOUT', '请求发送得太慢，已断开，请重试'))]
        : ['400 Bad Request', errorReply(new HttpError(400, 'VALIDATION_FAILED', '请求格式不正确', { _: '请求格式不正确' }))]
    const json = JSON.stringify(reply.body)
    socket.end(
      `HTTP/1.1 ${status}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        json,
    )
  })
  server.keepAliveTimeout = 5000

  async function reset(): Promise<void> {
    mutationsOf.clear()
    const s = await storage
    const now = clock.now()
    await s.transaction(async (tx) => {
      const kept = seedCopies(s)
      const name = kept.get(now)
      if (name) return restoreSnapshot(tx, name)
      await clearAll(tx)
      await writeState(tx, createSeed(now))
      // The seed of an instant is always the same: keep a copy in the database, put back in a third of the time.
      const fresh = `seed_${kept.size + 1}`
      await saveSnapshot(tx, fresh, { replace: true })
      kept.set(now, fresh)
    })
  }

  return {
    server,
    storage,
    clock,
    async state() {
      const s = await storage
      return s.transaction((tx) => readState(tx))
    },
    async write(work) {
      const s = await storage
      return s.transaction(work)
    },
    reset,
    failCommits(n) {
      pendingFaults = n
    },
    async listen(port) {
      // The database first: a server that cannot open it never listens.
      await storage
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => {
          const { port: actual } = server.address() as AddressInfo
          resolve(`http://127.0.0.1:${actual}/api`)
        })
      })
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        // A temp upload folder lives as long as its server.
        if (tempUploads) rmSync(uploadDir, { recursive: true, force: true })
        server.close(() => resolve())
      })
      if (ownsStorage) {
        await storage.then(
          (s) => s.close(),
          () => undefined,
        )
      }
    },
  }
}
