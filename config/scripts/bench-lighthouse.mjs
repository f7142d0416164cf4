// Lighthouse on the preview build (issue 6): 首页, 活动 and an event detail, signed in as a demo secretary,
// mobile defaults (simulated Slow 4G, 4× CPU), median of LH_RUNS runs (3). Prints a table and, with
// --json FILE, writes the medians. Exits 1 when a median misses a budget.
//
// Signed in: the session lives in localStorage, so Lighthouse runs with `disableStorageReset` and this script
// empties the HTTP cache before each run itself: every run is a cold load with a remembered session, which is
// how a secretary reopens the app.
import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import puppeteer from 'puppeteer-core'

const root = fileURLToPath(new URL('../..', import.meta.url))
const RUNS = Number(process.env.LH_RUNS ?? 3)
export const LIGHTHOUSE_BUDGETS = { performance: 95, lcpMs: 1800, tbtMs: 100, cls: 0.02 }
// What CI holds while the budgets above are not met (CLS is): measured on a quiet machine at 74–80, 2.7–2.9 s and
// 640–920 ms, so these catch a regression without failing on run-to-run noise. Raise them as the app gets faster.
export const LIGHTHOUSE_FLOORS = { performance: 65, lcpMs: 3500, tbtMs: 1300 }
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined

if (!existsSync(`${root}dist/h5/index.html`)) {
  console.error('No H5 build in dist/h5: run `npm run build:h5` first.')
  process.exit(1)
}

const chromePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))
if (!chromePath) {
  console.error('No Chromium found: install Debian’s chromium or set CHROME_PATH.')
  process.exit(1)
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const port = await freePort()
const origin = `http://127.0.0.1:${port}`
const mock = spawn(process.execPath, ['--import', 'tsx', 'mock/main.ts'], {
  cwd: root,
  env: { ...process.env, MOCK_PORT: String(port), MOCK_STATIC_DIR: 'dist/h5', MOCK_DB_FILE: '', MOCK_DELAY_MS: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise((resolve, reject) => {
  mock.stdout.on('data', (chunk) => String(chunk).includes('mock API on') && resolve())
  mock.on('exit', (code) => reject(new Error(`mock exited with ${code}`)))
})

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
let failed = false
try {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null })
  const page = await browser.newPage()

  // Sign in once through the API and keep the session the way the app does (Taro's H5 storage format).
  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ phone: '13800000001', code: '123456' }),
  }).then((r) => r.json())
  const events = await fetch(`${origin}/api/events?when=upcoming`, { headers: { Authorization: `Bearer ${login.token}` } }).then((r) =>
    r.json(),
  )
  const eventId = events.items[0]?.id
  if (!eventId) throw new Error('no upcoming event in the seed')
  await page.goto(`${origin}/`)
  await page.evaluate((session) => {
    localStorage.setItem('zst-session', JSON.stringify({ data: JSON.stringify({ state: session, version: 1 }) }))
  }, { token: login.token, user: login.user })
  await page.close()

  const pages = [
    { name: '首页', url: `${origin}/#/pages/home/index` },
    { name: '活动', url: `${origin}/#/pages/events/index` },
    { name: '活动详情', url: `${origin}/#/pages/event-detail/index?id=${eventId}` },
  ]
  const rows = []
  for (const target of pages) {
    const runs = []
    for (let i = 0; i < RUNS; i += 1) {
      const session = await (await browser.newPage()).createCDPSession()
      await session.send('Network.clearBrowserCache')
      await session.detach()
      const result = await lighthouse(target.url, {
        port: chrome.port,
        onlyCategories: ['performance'],
        disableStorageReset: true,
        output: 'json',
        logLevel: 'error',
      })
      const { lhr } = result
      if (process.env.LH_SAVE) writeFileSync(`${process.env.LH_SAVE}/lhr-${pages.indexOf(target)}-${i}.json`, JSON.stringify(lhr))
      if (lhr.runtimeError) throw new Error(`${target.name}: ${lhr.runtimeError.message}`)
      runs.push({
        performance: Math.round(lhr.categories.performance.score * 100),
        fcpMs: lhr.audits['first-contentful-paint'].numericValue,
        lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
        tbtMs: lhr.audits['total-blocking-time'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet,
      })
    }
    rows.push({
      name: target.name,
      performance: median(runs.map((r) => r.performance)),
      fcpMs: median(runs.map((r) => r.fcpMs)),
      lcpMs: median(runs.map((r) => r.lcpMs)),
      tbtMs: median(runs.map((r) => r.tbtMs)),
      cls: median(runs.map((r) => r.cls)),
      lcpElement: runs[0].lcpElement,
    })
  }
  await browser.disconnect()

  console.log(`\nLighthouse ${RUNS} runs per page, median (mobile, simulated Slow 4G, 4× CPU)\n`)
  console.log('page      perf   FCP (ms)  LCP (ms)  TBT (ms)    CLS  status')
  console.log('--------  ----  --------  --------  --------  -----  ------')
  for (const r of rows) {
    const ok =
      r.performance >= LIGHTHOUSE_BUDGETS.performance &&
      r.lcpMs <= LIGHTHOUSE_BUDGETS.lcpMs &&
      r.tbtMs <= LIGHTHOUSE_BUDGETS.tbtMs &&
      r.cls <= LIGHTHOUSE_BUDGETS.cls
    if (!ok) failed = true
    r.ok = ok
    console.log(
      `${r.name}${' '.repeat(Math.max(0, 8 - 2 * r.name.length))}  ${String(r.performance).padStart(4)}  ${Math.round(r.fcpMs).toString().padStart(8)}  ${Math.round(r.lcpMs)
        .toString()
        .padStart(8)}  ${Math.round(r.tbtMs).toString().padStart(8)}  ${r.cls.toFixed(3).padStart(5)}  ${ok ? 'ok' : 'OVER'}`,
    )
  }
  for (const r of rows) console.log(`  LCP element on ${r.name}: ${r.lcpElement ?? '(none)'}`)
  console.log(
    `\nbudgets: performance ≥ ${LIGHTHOUSE_BUDGETS.performance}, LCP ≤ ${LIGHTHOUSE_BUDGETS.lcpMs} ms, TBT ≤ ${LIGHTHOUSE_BUDGETS.tbtMs} ms, CLS ≤ ${LIGHTHOUSE_BUDGETS.cls}`,
  )
  if (jsonOut) {
    const b = LIGHTHOUSE_BUDGETS
    const f = LIGHTHOUSE_FLOORS
    const figures = rows.flatMap((r) => [
      { figure: `${r.name} performance`, value: String(r.performance), budget: `≥ ${b.performance}`, ok: r.performance >= b.performance, enforced: false },
      { figure: `${r.name} performance (floor)`, value: String(r.performance), budget: `≥ ${f.performance}`, ok: r.performance >= f.performance, enforced: true },
      { figure: `${r.name} LCP`, value: `${Math.round(r.lcpMs)} ms`, budget: `≤ ${b.lcpMs} ms`, ok: r.lcpMs <= b.lcpMs, enforced: false },
      { figure: `${r.name} LCP (floor)`, value: `${Math.round(r.lcpMs)} ms`, budget: `≤ ${f.lcpMs} ms`, ok: r.lcpMs <= f.lcpMs, enforced: true },
      { figure: `${r.name} TBT`, value: `${Math.round(r.tbtMs)} ms`, budget: `≤ ${b.tbtMs} ms`, ok: r.tbtMs <= b.tbtMs, enforced: false },
      { figure: `${r.name} TBT (floor)`, value: `${Math.round(r.tbtMs)} ms`, budget: `≤ ${f.tbtMs} ms`, ok: r.tbtMs <= f.tbtMs, enforced: true },
      { figure: `${r.name} CLS`, value: r.cls.toFixed(3), budget: `≤ ${b.cls}`, ok: r.cls <= b.cls, enforced: true },
    ])
    writeFileSync(jsonOut, JSON.stringify({ title: `Lighthouse (median of ${RUNS}, mobile)`, figures }, null, 2))
  }
} finally {
  await chrome.kill()
  mock.kill()
}
process.exit(failed ? 1 : 0)
