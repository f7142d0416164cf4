import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { PINNED_NOW } from '../support/mock-api'

// The mock as `npm run mock` runs it, in its own process, so that it can be killed with SIGKILL.
type MockProcess = { child: ChildProcessByStdio<null, Readable, Readable>; base: string; exited: Promise<unknown> }

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
    server.on('error', reject)
  })

async function startMockProcess(dataDir: string): Promise<MockProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock/main.ts'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, MOCK_PORT: String(port), MOCK_DATA_DIR: dataDir, MOCK_NOW: PINNED_NOW, NODE_ENV: 'test', MOCK_TEST_ROUTES: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Listened to from the start: the process may die before anyone awaits it.
  const exited = new Promise((resolve) => child.once('exit', resolve))
  await new Promise<void>((resolve, reject) => {
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => String(chunk).includes('mock API on') && resolve())
    child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)))
    child.on('exit', (code) => reject(new Error(`mock exited with ${code}: ${err}`)))
  })
  return { child, base: `http://127.0.0.1:${port}/api`, exited }
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: res.status === 204 ? null : await res.json() }
}

describe('the mock with MOCK_DATA_DIR killed with SIGKILL during a burst of writes', () => {
  it('should keep every acknowledged write and start again on the same folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zst-crash-'))
    const first = await startMockProcess(dir)
    const tokens: string[] = []
    for (let no = 1; no <= 40; no += 1) {
      const { body } = await call(first.base, 'POST', '/auth/login', undefined, { phone: `138${String(no).padStart(8, '0')}`, code: '123456' })
      tokens.push(body.token)
    }

    // 40 secretaries × 3 open events, all at once; the process dies after the 40th acknowledgement.
    const events = ['evt-lecture-open', 'evt-exchange-city', 'evt-field-open']
    const acknowledged: { token: string; eventId: string; status: string }[] = []
    let killed = false
    const burst = tokens.flatMap((token) =>
      events.map(async (eventId) => {
        try {
          const res = await call(first.base, 'POST', `/events/${eventId}/registration`, token, {})
          if (res.status === 201 || res.status === 200) acknowledged.push({ token, eventId, status: res.body.status })
          if (acknowledged.length >= 40 && !killed) {
            killed = true
            first.child.kill('SIGKILL')
          }
        } catch {
          // The connection died with the process: not acknowledged, so nothing is promised.
        }
      }),
    )
    await Promise.all(burst)
    if (!killed) first.child.kill('SIGKILL')
    await first.exited
    expect(acknowledged.length).toBeGreaterThanOrEqual(40)

    // PGlite recovers from its write-ahead log on the next start, as PostgreSQL does after a crash.
    const second = await startMockProcess(dir)
    try {
      for (const ack of acknowledged) {
        const { status, body } = await call(second.base, 'GET', `/events/${ack.eventId}`, ack.token)
        expect(status).toBe(200)
        expect(body.myRegistration?.status).toBe(ack.status)
      }
    } finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  }, 60_000)
})
