import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClock } from '../../mock/clock'
import { createMockServer } from '../../mock/server'
import { PINNED_NOW } from '../support/mock-api'

const start = async (dataDir: string) => {
  const mock = createMockServer({ dataDir, clock: createClock(Date.parse(PINNED_NOW)), testRoutes: true })
  const base = await mock.listen(0)
  return { mock, base }
}
const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

describe('MOCK_DATA_DIR', () => {
  it('should keep sessions and sign-ups across a restart, in PGlite files under the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zst-data-'))
    const first = await start(dir)
    const { token } = await (await post(`${first.base}/auth/login`, { phone: '13800000001', code: '123456' })).json()
    expect((await post(`${first.base}/events/evt-lecture-open/registration`, {}, token)).status).toBe(201)
    await first.mock.close()
    expect(existsSync(join(dir, 'pgdata', 'PG_VERSION'))).toBe(true)

    const second = await start(dir)
    const res = await fetch(`${second.base}/events/evt-lecture-open`, { headers: { Authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect((await res.json()).myRegistration.status).toBe('registered')
    await second.mock.close()
  })

  it('should keep only a hash of each session token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zst-data-'))
    const { mock, base } = await start(dir)
    const { token } = await (await post(`${base}/auth/login`, { phone: '13800000001', code: '123456' })).json()
    const sessions = Object.keys((await mock.state()).sessions)
    expect(sessions).toHaveLength(1)
    expect(sessions[0]).not.toContain(token)
    expect(sessions[0]).toMatch(/^[0-9a-f]{64}$/)
    await mock.close()
  })
})

describe('MOCK_DB_FILE', () => {
  it('should refuse to start when the old setting is used, saying what to set instead', () => {
    const run = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../../mock/main.ts')], {
      env: { ...process.env, MOCK_DB_FILE: join(tmpdir(), 'old-db.json'), MOCK_PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/MOCK_DATA_DIR/)
    expect(run.stderr).toMatch(/DATABASE_URL/)
  })
})
