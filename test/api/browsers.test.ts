import { createClock } from '../../mock/clock'
import { createMockServer, testRoutesFromEnv } from '../../mock/server'
import { PINNED_NOW } from '../support/mock-api'

// API.md v1.1 "Browsers" and "Test routes": what a page in a browser, or a production run, can reach.

/** Starts a mock with the test routes left to the environment, and answers POST /__mock/reset's status. */
async function resetStatusWith(env: Record<string, string | undefined>): Promise<number> {
  const saved = { MOCK_TEST_ROUTES: process.env.MOCK_TEST_ROUTES, NODE_ENV: process.env.NODE_ENV }
  Object.assign(process.env, env)
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key]
  const mock = createMockServer({ clock: createClock(Date.parse(PINNED_NOW)) })
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  const base = (await mock.listen(0)).replace(/\/api$/, '')
  try {
    return (await fetch(`${base}/__mock/reset`, { method: 'POST' })).status
  } finally {
    await mock.close()
  }
}

describe('test routes', () => {
  it('should be on only with MOCK_TEST_ROUTES=1, and never with NODE_ENV=production', () => {
    expect(testRoutesFromEnv({})).toBe(false)
    expect(testRoutesFromEnv({ MOCK_TEST_ROUTES: '1' })).toBe(true)
    expect(testRoutesFromEnv({ MOCK_TEST_ROUTES: '1', NODE_ENV: 'production' })).toBe(false)
    expect(testRoutesFromEnv({ MOCK_TEST_ROUTES: 'true' })).toBe(false)
    expect(testRoutesFromEnv({ NODE_ENV: 'development' })).toBe(false)
  })

  it('should answer 404 on /__mock/* by default (npm run preview) and 204 when asked for (npm start)', async () => {
    expect(await resetStatusWith({ MOCK_TEST_ROUTES: undefined, NODE_ENV: 'test' })).toBe(404)
    expect(await resetStatusWith({ MOCK_TEST_ROUTES: '1', NODE_ENV: 'production' })).toBe(404)
    expect(await resetStatusWith({ MOCK_TEST_ROUTES: '1', NODE_ENV: 'development' })).toBe(204)
  })
})
