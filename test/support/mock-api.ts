import { createClock } from '../../mock/clock'
import type { DbState, UserRecord } from '../../mock/db'
import { clearAll, writeState } from '../../mock/db/seed-store'
import { insertSession } from '../../mock/repos/sessions'
import { insertUser } from '../../mock/repos/users'
import { openStorage, type Storage } from '../../mock/db/engine'
import { createMockServer, type MockOptions, type MockServer } from '../../mock/server'

/** A fixed instant the API tests pin the mock's clock to (a Tuesday morning, China time). */
export const PINNED_NOW = '2026-12-01T09:30:00+08:00'

/** A JSON answer of the mock. */
export type ApiAnswer<T = any> = { status: number; body: T; headers: Headers }

/** A mock server on a free port with a pinned clock, and small helpers to call it over HTTP. */
export type MockApi = {
  mock: MockServer
  base: string
  call<T = any>(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<ApiAnswer<T>>
  /** GET of a non-JSON answer (the CSV export) as raw bytes, so that a BOM survives. */
  download(path: string, token?: string): Promise<{ status: number; bytes: Buffer; headers: Headers }>
  login(phone: string): Promise<string>
  /** Moves the mock's clock (frozen) to an instant. */
  setNow(iso: string | number): void
  /**
   * Moves the clock like setNow, and counts every session as used at that instant: for tests that jump
   * months ahead with users who keep using the app (a session idle 30 days ends, API.md v1.1).
   */
  travel(iso: string | number): Promise<void>
  close(): Promise<void>
}

/**
 * Starts a fresh mock (seeded around `now`) for one test file: on the embedded PGlite, or with
 * DATABASE_URL set on a PostgreSQL database of its own (created for the file, dropped at close).
 */
export async function startMockApi(
  now: string = PINNED_NOW,
  options: Pick<MockOptions, 'testRoutes' | 'onSmsCode' | 'trustProxy' | 'mutationsPerMinute'> = {},
): Promise<MockApi> {
  const storage = leaseStorage()
  // Texted codes go nowhere unless a test asks for them (the fixed code works with the test routes on).
  // The per-caller request quota is off unless a test asks for it: suites fire thousands of writes under a
  // frozen clock (test/api/quotas.test.ts holds it to the default).
  const mock = createMockServer({
    clock: createClock(Date.parse(now)),
    testRoutes: true,
    onSmsCode: () => undefined,
    mutationsPerMinute: Number.POSITIVE_INFINITY,
    ...options,
    storage,
  })
  const base = await mock.listen(0).catch(async (error: unknown) => {
    await mock.close()
    throw error
  })
  // The database may hold the previous test's rows: every test starts from the seed.
  await mock.reset()
  let closed = false
  const api: MockApi = {
    mock,
    base,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers }
      if (opts.token) headers.Authorization = `Bearer ${opts.token}`
      let payload: string | undefined = opts.raw
      if (opts.body !== undefined) {
        payload = JSON.stringify(opts.body)
        headers['Content-Type'] = 'application/json'
      }
      // Test-only routes (/__mock/…) live outside /api.
      const url = path.startsWith('/__mock/') ? base.replace(/\/api$/, '') + path : base + path
      const res = await fetch(url, { method, headers, body: payload })
      const text = await res.text()
      let body: any = text
      if (text && (res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text)
      return { status: res.status, body, headers: res.headers }
    },
    async download(path, token) {
      const res = await fetch(base + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
      return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers }
    },
    async login(phone) {
      const res = await api.call('POST', '/auth/login', { body: { phone, code: '123456' } })
      if (res.status !== 200) throw new Error(`login ${phone} failed: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.token as string
    },
    setNow(at) {
      mock.clock.freeze(typeof at === 'number' ? at : Date.parse(at))
    },
    async travel(at) {
      api.setNow(at)
      const now = mock.clock.now()
      await mock.write(async (tx) => {
        await tx.deleteFrom('session_uses').execute()
        const sessions = await tx.selectFrom('sessions').select('token_hash').execute()
        if (sessions.length) await tx.insertInto('session_uses').values(sessions.map((s) => ({ token_hash: s.token_hash, at: now }))).execute()
      })
    },
    async close() {
      if (closed) return
      closed = true
      await mock.close()
      idle.push(storage)
    },
  }
  return api
}

// One database per test file, reused by its tests one after another: opening PGlite (or creating a
// PostgreSQL database) takes about a second, putting the seed back about 40 ms. A test that runs two
// servers at once gets a second database. All are closed (and on PostgreSQL dropped) after the file.
const opened: Promise<Storage>[] = []
const idle: Promise<Storage>[] = []
function leaseStorage(): Promise<Storage> {
  const reused = idle.pop()
  if (reused) return reused
  const storage = openStorage({ databaseUrl: process.env.DATABASE_URL || undefined, isolate: true })
  storage.catch(() => undefined)
  opened.push(storage)
  return storage
}
if (typeof afterAll === 'function') {
  afterAll(async () => {
    idle.length = 0
    const all = opened.splice(0)
    await Promise.all(all.map((s) => s.then((open) => open.close(), () => undefined)))
  })
}

/** Phone of demo secretary `n` (1–40). */
export const secretaryPhone = (n: number) => `138${String(n).padStart(8, '0')}`
/** Phone of demo organiser `n` (1–3). */
export const organiserPhone = (n: number) => `139${String(n).padStart(8, '0')}`

/** Adds `count` extra secretaries (of the first seeded town) straight to the store and signs each in. */
export async function createSecretaries(api: MockApi, count: number, overrides: Partial<UserRecord> = {}): Promise<string[]> {
  const tokens: string[] = []
  for (let i = 0; i < count; i += 1) {
    const id = `u-extra-${i}`
    const user: UserRecord = {
      id,
      name: `测试书记${i}`,
      role: 'secretary',
      town: '剑南街道',
      village: '城北社区',
      phone: `137${String(i).padStart(8, '0')}`,
      ...overrides,
    }
    const token = `token-extra-${i}`
    await api.mock.write(async (tx) => {
      await insertUser(tx, user)
      await insertSession(tx, token, { userId: id, createdAt: api.mock.clock.now() })
    })
    tokens.push(token)
  }
  return tokens
}

/** Replaces everything stored with `state` (a snapshot taken with `api.mock.state()`). */
export async function restoreState(api: MockApi, state: DbState): Promise<void> {
  await api.mock.write(async (tx) => {
    await clearAll(tx)
    await writeState(tx, state, { sessionKeys: 'hash' })
  })
}
