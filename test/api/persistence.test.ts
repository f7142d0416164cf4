import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClock } from '../../mock/clock'
import { createMockServer } from '../../mock/server'
import { PINNED_NOW } from '../support/mock-api'

const start = async (dbFile: string) => {
  const mock = createMockServer({ dbFile, clock: createClock(Date.parse(PINNED_NOW)), testRoutes: true })
  const base = await mock.listen(0)
  return { mock, base }
}
const post = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })

describe('MOCK_DB_FILE', () => {
  it('should keep sessions and sign-ups across a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zst-db-')), 'db.json')
    const first = await start(file)
    const { token } = await (await post(`${first.base}/auth/login`, { phone: '13800000001', code: '123456' })).json()
    expect((await post(`${first.base}/events/evt-lecture-open/registration`, {}, token)).status).toBe(201)
    await first.mock.close()

    const second = await start(file)
    const res = await fetch(`${second.base}/events/evt-lecture-open`, { headers: { Authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect((await res.json()).myRegistration.status).toBe('registered')
    await second.mock.close()
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1)
  })

  it('should refuse to start on a file that is not its database, saying what to do', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zst-db-')), 'db.json')
    writeFileSync(file, '{"hello":"world"}')
    expect(() => createMockServer({ dbFile: file })).toThrow(/delete it to start from the seed/)
  })

  it('should leave no temporary file behind after a write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zst-db-'))
    const file = join(dir, 'db.json')
    const { mock, base } = await start(file)
    await post(`${base}/auth/sms-code`, { phone: '13800000001' })
    await mock.close()
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(dir)).toEqual(['db.json'])
  })
})
