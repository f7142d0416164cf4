// Load test of the mock API (issue 6): 50 concurrent connections for 10 s on the event list and on
// sign-up, printing requests, p50, p99 and errors per route. Exits 1 when a p99 exceeds its budget.
// The mock runs in its own process (as in development), so the load generator does not share its event loop.
import { writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import { startMock } from './bench-support.mjs'

const P99_BUDGET_MS = 50
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)

const mock = await startMock()
const { port } = mock
const base = `http://127.0.0.1:${port}/api`

const json = async (path, body, token) => {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return res.json()
}

try {
  // The 40 demo secretaries, logged in once.
  const tokens = []
  for (let no = 1; no <= 40; no += 1) {
    const { token } = await json('/auth/login', { phone: `138${String(no).padStart(8, '0')}`, code: '123456' })
    tokens.push(token)
  }
  const { items } = await json('/events?when=upcoming&pageSize=100', undefined, tokens[0])
  const open = items.filter((e) => e.type !== 'contest' && Date.parse(e.signupDeadline) > Date.now() && e.status === 'published')
  if (open.length === 0) throw new Error('no open event to sign up for')

  let n = 0
  const scenarios = [
    {
      name: 'GET /events (upcoming, page 1)',
      setupRequest: (req) => ({ ...req, method: 'GET', path: '/api/events?when=upcoming', headers: { Authorization: `Bearer ${tokens[n++ % tokens.length]}` } }),
    },
    {
      // Every secretary signs up for every open event, each request with its own key: 201s, then 200s (already registered).
      name: 'POST /events/:id/registration',
      setupRequest: (req) => {
        n += 1
        const event = open[n % open.length]
        return {
          ...req,
          method: 'POST',
          path: `/api/events/${event.id}/registration`,
          headers: { Authorization: `Bearer ${tokens[n % tokens.length]}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: '{}',
        }
      },
    },
  ]

  const rows = []
  const figures = []
  let failed = false
  for (const scenario of scenarios) {
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [{ setupRequest: scenario.setupRequest }],
    })
    const errors = result.errors + result.timeouts + result.non2xx
    const over = result.latency.p99 > P99_BUDGET_MS
    failed ||= over || errors > 0
    figures.push(
      { figure: `${scenario.name} p50`, value: `${result.latency.p50} ms`, budget: '', ok: true, enforced: true },
      { figure: `${scenario.name} p99`, value: `${result.latency.p99} ms`, budget: `≤ ${P99_BUDGET_MS} ms`, ok: !over, enforced: true },
      { figure: `${scenario.name} errors`, value: String(errors), budget: '0', ok: errors === 0, enforced: true },
    )
    rows.push([scenario.name, String(result.requests.total), `${result.latency.p50} ms`, `${result.latency.p99} ms`, String(errors), over ? 'OVER' : errors > 0 ? 'ERRORS' : 'ok'])
  }

  const header = ['route', 'requests', 'p50', 'p99', 'errors', 'status']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log(`Mock API under ${CONNECTIONS} connections for ${DURATION_S} s each (p99 budget ${P99_BUDGET_MS} ms)\n`)
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  rows.forEach((r) => console.log(line(r)))
  // `--json FILE`: the figures for `npm run bench` (config/scripts/bench.mjs).
  const jsonAt = process.argv.indexOf('--json')
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ title: `API (${CONNECTIONS} connections × ${DURATION_S} s)`, figures }, null, 2))
  if (failed) {
    console.error('\nA route is over its p99 budget or answered with errors.')
    process.exitCode = 1
  }
} finally {
  mock.stop()
}
