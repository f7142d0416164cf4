// Lighthouse on the preview build (issue 6): 首页, 活动 and an event detail, signed in as a demo secretary,
// mobile defaults (simulated Slow 4G, 4× CPU), median of LH_RUNS runs (3). Prints a table and, with
// --json FILE, writes the medians. Exits 1 when a median misses a budget.
//
// Signed in: the session lives in localStorage, so Lighthouse runs with `disableStorageReset` and this script
// empties the HTTP cache before each run itself: every run is a cold load with a remembered session, which is
// how a secretary reopens the app.
import { writeFileSync } from 'node:fs'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Result } from 'lighthouse'
import puppeteer from 'puppeteer-core'
import { chromiumPath, median, requireH5Build, startMock } from './bench-support'
import type { Figure } from './figures-file'

const RUNS = Number(process.env.LH_RUNS ?? 3)
export const LIGHTHOUSE_BUDGETS = { performance: 95, lcpMs: 1800, tbtMs: 100, cls: 0.02 }
// What CI holds while the budgets above are not met (CLS is): measured on a quiet machine at 74–84, 2.7–2.9 s and
// 460–920 ms, and at 63–69 / TBT 2 s with an `npm ci` beside it; these catch a real regression without failing on
// noise. Raise them as the app gets faster.
export const LIGHTHOUSE_FLOORS = { performance: 55, lcpMs: 4000, tbtMs: 2000 }
// One page's medians, and whether they meet the budgets (set once printed).
type PageMedians = { name: string; performance: number; fcpMs: number; lcpMs: number; tbtMs: number; cls: number; ok?: boolean }
// An audit's numeric value in a Lighthouse result (every audit read here has one).
const numeric = (lhr: Result, audit: string) => lhr.audits[audit].numericValue ?? Number.NaN
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined

requireH5Build()
const chromePath = chromiumPath()
const mock = await startMock({ staticDir: 'dist/h5' })
const { origin } = mock

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
  const rows: PageMedians[] = []
  for (const target of pages) {
    const runs: Omit<PageMedians, 'name' | 'ok'>[] = []
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
      if (!result) throw new Error(`${target.name}: Lighthouse gave no result`)
      const { lhr } = result
      if (process.env.LH_SAVE) writeFileSync(`${process.env.LH_SAVE}/lhr-${pages.indexOf(target)}-${i}.json`, JSON.stringify(lhr))
      if (lhr.runtimeError) throw new Error(`${target.name}: ${lhr.runtimeError.message}`)
      runs.push({
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        fcpMs: numeric(lhr, 'first-contentful-paint'),
        lcpMs: numeric(lhr, 'largest-contentful-paint'),
        tbtMs: numeric(lhr, 'total-blocking-time'),
        cls: numeric(lhr, 'cumulative-layout-shift'),
      })
    }
    rows.push({
      name: target.name,
      performance: median(runs.map((r) => r.performance)),
      fcpMs: median(runs.map((r) => r.fcpMs)),
      lcpMs: median(runs.map((r) => r.lcpMs)),
      tbtMs: median(runs.map((r) => r.tbtMs)),
      cls: median(runs.map((r) => r.cls)),
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
  // Lighthouse 12.2.3 cannot name the LCP element with this Chromium (its TraceElements gatherer fails); the
  // metrics are unaffected. A PerformanceObserver for largest-contentful-paint in the page names it.
  console.log(
    `\nbudgets: performance ≥ ${LIGHTHOUSE_BUDGETS.performance}, LCP ≤ ${LIGHTHOUSE_BUDGETS.lcpMs} ms, TBT ≤ ${LIGHTHOUSE_BUDGETS.tbtMs} ms, CLS ≤ ${LIGHTHOUSE_BUDGETS.cls}`,
  )
  if (jsonOut) {
    const b = LIGHTHOUSE_BUDGETS
    const f = LIGHTHOUSE_FLOORS
    const figures: Figure[] = rows.flatMap((r) => [
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
  mock.stop()
}
process.exit(failed ? 1 : 0)
