import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClock } from '../../mock/clock'
import { allowedOriginsFromEnv, createMockServer, testRoutesFromEnv, type MockOptions } from '../../mock/server'
import { PINNED_NOW, secretaryPhone, startMockApi } from '../support/mock-api'

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

/** A mock of its own (static files, short timeouts), closed after `run`. */
async function withMock(options: MockOptions, run: (origin: string) => Promise<void>): Promise<void> {
  const mock = createMockServer({ clock: createClock(Date.parse(PINNED_NOW)), testRoutes: true, ...options })
  const origin = (await mock.listen(0)).replace(/\/api$/, '')
  try {
    await run(origin)
  } finally {
    await mock.close()
  }
}

describe('origins (CORS)', () => {
  it('should send no Access-Control-Allow-Origin by default, to any origin, nor answer its preflight', async () => {
    await withMock({ allowedOrigins: [] }, async (origin) => {
      const res = await fetch(`${origin}/api/events`, { headers: { Origin: 'https://evil.example' } })
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      const preflight = await fetch(`${origin}/api/auth/login`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      })
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
      expect(preflight.headers.get('access-control-allow-methods')).toBeNull()
    })
  })

  it('should allow exactly the configured origins, echoing the one that asked', async () => {
    expect(allowedOriginsFromEnv({ MOCK_ALLOWED_ORIGINS: ' https://a.example ,https://b.example,' })).toEqual(['https://a.example', 'https://b.example'])
    expect(allowedOriginsFromEnv({})).toEqual([])
    await withMock({ allowedOrigins: ['https://zhishutong.example'] }, async (origin) => {
      const ok = await fetch(`${origin}/api/events`, { headers: { Origin: 'https://zhishutong.example' } })
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://zhishutong.example')
      expect(ok.headers.get('vary')).toContain('Origin')
      const preflight = await fetch(`${origin}/api/auth/login`, { method: 'OPTIONS', headers: { Origin: 'https://zhishutong.example' } })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key')
      const other = await fetch(`${origin}/api/events`, { headers: { Origin: 'https://zhishutong.example.evil' } })
      expect(other.headers.get('access-control-allow-origin')).toBeNull()
    })
  })
})

describe('media types (415)', () => {
  it('should refuse a login sent as text/plain or as a form, which a foreign page could send without asking, and change nothing', async () => {
    const api = await startMockApi()
    try {
      const before = await api.mock.state()
      const body = JSON.stringify({ phone: secretaryPhone(1), code: '123456' })
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await fetch(`${api.base}/auth/login`, { method: 'POST', headers: { 'Content-Type': type }, body })
        expect([type, res.status]).toEqual([type, 415])
        expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
      }
      const clock = await fetch(`${api.base.replace(/\/api$/, '')}/__mock/clock`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"now":"2030-01-01T00:00:00+08:00"}' })
      expect(clock.status).toBe(415)
      expect(api.mock.clock.now()).toBe(Date.parse(PINNED_NOW))
      expect(await api.mock.state()).toEqual(before)
      // JSON with a charset passes, and a POST without a body needs no type.
      const json = await fetch(`${api.base}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body })
      expect(json.status).toBe(200)
      const { token } = await json.json()
      expect((await fetch(`${api.base}/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })).status).toBe(204)
    } finally {
      await api.close()
    }
  })

  it('should take only multipart/form-data on POST /uploads', async () => {
    const api = await startMockApi()
    try {
      const token = await api.login(secretaryPhone(1))
      const res = await api.call('POST', '/uploads', { token, body: { file: 'not a file' } })
      expect([res.status, res.body.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    } finally {
      await api.close()
    }
  })
})

describe('the static server', () => {
  it('should send a CSP that allows the page\'s own inline script by hash, nosniff, no framing and a Referrer-Policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zst-static-'))
    const inline = 'document.documentElement.style.fontSize="20px"'
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><script>${inline}</script><script defer src="/js/app.js"></script></head><body></body></html>`)
    writeFileSync(join(dir, 'app.js'), 'console.log(1)')
    try {
      await withMock({ staticDir: dir }, async (origin) => {
        const page = await fetch(`${origin}/some/deep/link`)
        expect(page.status).toBe(200)
        const csp = page.headers.get('content-security-policy')!
        const hash = createHash('sha256').update(inline).digest('base64')
        expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`)
        expect(csp).toContain("frame-ancestors 'none'")
        // Taro's H5 upload reads the picked photo back from its blob: URL.
        expect(csp).toContain("connect-src 'self' blob:")
        expect(csp).toContain("object-src 'none'")
        expect(csp).not.toContain('unsafe-eval')
        expect(page.headers.get('x-content-type-options')).toBe('nosniff')
        expect(page.headers.get('x-frame-options')).toBe('DENY')
        expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
        const script = await fetch(`${origin}/app.js`)
        expect(script.headers.get('x-content-type-options')).toBe('nosniff')
        // The API answers carry nosniff too.
        expect((await fetch(`${origin}/api/events`)).headers.get('x-content-type-options')).toBe('nosniff')
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

/** Sends `chunks` over a raw socket, `gapMs` apart, and resolves with what came back when it closed. */
function slowRequest(origin: string, chunks: string[], gapMs: number): Promise<string> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let answer = ''
    let timer: NodeJS.Timeout | undefined
    socket.on('data', (d) => (answer += d.toString()))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(answer)
    })
    socket.on('error', reject)
    let i = 0
    const next = () => {
      if (i < chunks.length && !socket.destroyed) socket.write(chunks[i++])
      if (i < chunks.length) timer = setTimeout(next, gapMs)
    }
    socket.on('connect', next)
  })
}

describe('timeouts', () => {
  it('should close a connection whose headers dribble in past the header timeout, with 408 and the error body', async () => {
    await withMock({ timeouts: { headersMs: 400, requestMs: 1500 } }, async (origin) => {
      const started = Date.now()
      const answer = await slowRequest(origin, ['GET /api/events HTTP/1.1\r\n', 'Host: x\r\n', 'X-A: 1\r\n', 'X-B: 2\r\n', 'X-C: 3\r\n', 'X-D: 4\r\n'], 300)
      expect(answer).toMatch(/^HTTP\/1\.1 408/)
      expect(answer).toContain('"REQUEST_TIMEOUT"')
      expect(Date.now() - started).toBeLessThan(5000)
    })
  })

  it('should close a connection whose body does not arrive within the request timeout', async () => {
    await withMock({ timeouts: { headersMs: 400, requestMs: 1000 } }, async (origin) => {
      const head = 'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n'
      const answer = await slowRequest(origin, [head, '{"phone"', ':"1380', '0000001', '"', ',', '"code"'], 400)
      expect(answer).toMatch(/^HTTP\/1\.1 408/)
    })
  })
})
