// Long lists (issue 6): the organiser's 名单 and the secretary's 出勤记录 with 50 and with 5,000 rows, in
// headless Chromium against the preview build (dist/h5 served by the mock on one origin). Prints a table and,
// with --json FILE, writes the figures. Exits 1 when a budget is missed:
//   - DOM nodes: `document.getElementsByTagName('*').length` once the whole list has loaded and rendered;
//     the 5,000-row figure must stay within 10 % of the 50-row one.
//   - Toggling one row's attendance on the 名单 with the CPU throttled 4× (DevTools protocol
//     `Emulation.setCPUThrottlingRate`): it takes three taps — the row (the sheet opens), 出席/缺勤 (the
//     choice is marked), 保存 (the row shows the new attendance). Each tap is timed from the click event's
//     timestamp to the frame after the DOM shows its result; the median of BENCH_TOGGLES (11) toggles of
//     each tap must be ≤ 100 ms. 保存 waits for the server's answer (no optimistic update), so it includes
//     the PUT to the mock on localhost with no added delay.
//   The 出勤记录 is read-only (a tap opens the event), so only its DOM nodes are measured.
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { chromium } from '@playwright/test'
import { chromiumPath, freePort, median, requireH5Build, startMock } from './bench-support.mjs'

const SIZES = [50, 5000]
const TOGGLES = Number(process.env.BENCH_TOGGLES ?? 11)
const CPU_THROTTLE = 4
export const LIST_BUDGETS = { nodeGrowth: 0.1, tapMs: 100 }
/** A finished event: its rows read 出席, 迟到, 请假 or 缺勤, and an organiser may change any of them. */
const EVENT_ID = 'evt-lecture-past1'
const SECRETARY = { id: 'u-s01', phone: '13800000001' }
const ORGANISER_PHONE = '13900000001'
const jsonOut = process.argv.includes('--json') ? process.argv[process.argv.indexOf('--json') + 1] : undefined

requireH5Build()
const chromePath = chromiumPath()
const mock = await startMock({ port: Number(process.env.BENCH_PORT) || (await freePort()), staticDir: 'dist/h5' })
const { origin } = mock

async function post(path, body) {
  const res = await fetch(origin + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.status === 204 ? undefined : res.json()
}

/** A page signed in as `phone`, the session kept the way the app keeps it (Taro's H5 storage format). */
async function signedInPage(browser, phone) {
  const { token, user } = await post('/api/auth/login', { phone, code: '123456' })
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript((session) => {
    localStorage.setItem('zst-session', JSON.stringify({ data: JSON.stringify({ state: session, version: 1 }) }))
  }, { token, user })
  return { context, page: await context.newPage() }
}

/** Waits two frames and a quiet moment, so that the list has rendered what it will render. */
const settle = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))))

/** Element count of the document and how many list rows are in it. */
const countNodes = (page, rowSelector) =>
  page.evaluate((selector) => ({ nodes: document.getElementsByTagName('*').length, rowsInDom: document.querySelectorAll(selector).length }), rowSelector)

/**
 * Clicks at the centre of `box` with real input (CDP Input.dispatchMouseEvent) and answers the time from
 * the click event's timestamp to the frame after `done(arg)` first holds in the DOM.
 */
async function timeTap(page, box, done, arg) {
  await page.evaluate(
    ([source, value]) => {
      const isDone = new Function('arg', `return (${source})(arg)`)
      window.__tap = new Promise((resolve, reject) => {
        let clickedAt = null
        let finished = false
        const timer = setTimeout(() => reject(new Error('the tap showed no result within 10 s')), 10_000)
        document.addEventListener('click', (event) => (clickedAt ??= event.timeStamp), { capture: true, once: true })
        const check = () => {
          if (finished || clickedAt === null || !isDone(value)) return
          finished = true
          observer.disconnect()
          // The frame that shows the change: rAF runs before its paint, the task after it runs after.
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(timer)
              resolve(performance.now() - clickedAt)
            }),
          )
        }
        const observer = new MutationObserver(check)
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
        document.addEventListener('click', () => queueMicrotask(check), { once: true })
      })
    },
    [done.toString(), arg],
  )
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  return page.evaluate(() => window.__tap)
}

/** The 名单 at `rows` rows: DOM nodes once loaded, then TOGGLES toggles timed with the CPU throttled. */
async function benchRoster(browser, rows) {
  const { context, page } = await signedInPage(browser, ORGANISER_PHONE)
  const started = Date.now()
  await page.goto(`${origin}/#/packages/organiser/pages/roster/index?id=${EVENT_ID}`)
  await page.waitForFunction((n) => {
    const text = document.querySelector('.ea-roster')?.textContent ?? ''
    return text.includes(`全部 ${n}`) && !text.includes('正在加载')
  }, rows, { timeout: 120_000 })
  const loadMs = Date.now() - started
  await settle(page)
  const { nodes, rowsInDom } = await countNodes(page, '.ea-row')

  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  const taps = { open: [], choose: [], save: [] }
  for (let i = 0; i < TOGGLES; i += 1) {
    // Rows wholly in the window, first to last; each toggle takes the next one.
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('.ea-row')]
        .map((row) => ({ row, rect: row.getBoundingClientRect() }))
        .filter(({ rect }) => rect.top >= 0 && rect.bottom <= window.innerHeight && rect.height > 0)
        .sort((a, b) => a.rect.top - b.rect.top)
        .map(({ row, rect }) => ({
          phone: row.querySelector('.ea-row__line')?.textContent ?? '',
          attendance: row.querySelector('.ea-row__top')?.children[2]?.textContent ?? '',
          box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
        })),
    )
    if (!visible.length) throw new Error('no roster row in view')
    const target = visible[i % visible.length]
    const next = target.attendance === '出席' ? '缺勤' : '出席'

    taps.open.push(await timeTap(page, target.box, () => document.querySelector('[role=dialog] [role=radiogroup]') !== null))
    const chip = await page.locator('[role=dialog] [role=radio]', { hasText: next }).boundingBox()
    taps.choose.push(
      await timeTap(page, chip, (label) =>
        [...document.querySelectorAll('[role=dialog] [role=radio][aria-checked=true]')].some((el) => el.textContent === label),
      next),
    )
    const save = await page.locator('[role=dialog] .zs-btn', { hasText: '保存' }).boundingBox()
    taps.save.push(
      await timeTap(page, save, ([phone, label]) =>
        [...document.querySelectorAll('.ea-row')].some(
          (row) => row.querySelector('.ea-row__line')?.textContent === phone && row.querySelector('.ea-row__top')?.children[2]?.textContent === label,
        ),
      [target.phone, next]),
    )
    // The 已改为… toast sits over the middle rows until it fades.
    await page.waitForFunction(() => !document.querySelector('[role=dialog]') && [...document.querySelectorAll('.taro__toast')].every((el) => el.style.display === 'none'))
    await page.waitForTimeout(200)
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  await context.close()
  return { list: '名单', rows, loadMs, nodes, rowsInDom, taps }
}

/** The 出勤记录 at `rows` rows: DOM nodes once loaded. */
async function benchRecord(browser, rows) {
  const { context, page } = await signedInPage(browser, SECRETARY.phone)
  const started = Date.now()
  await page.goto(`${origin}/#/packages/secretary/pages/attendance/index`)
  await page.waitForSelector('.at-row', { timeout: 120_000 })
  const loadMs = Date.now() - started
  await settle(page)
  const { nodes, rowsInDom } = await countNodes(page, '.at-row')
  await context.close()
  return { list: '出勤记录', rows, loadMs, nodes, rowsInDom, taps: null }
}

const browser = await chromium.launch({
  executablePath: chromePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
})
const loadBefore = os.loadavg()[0]
const results = []
try {
  for (const rows of SIZES) {
    await post('/__mock/reset')
    const roster = await post('/__mock/bulk', { eventId: EVENT_ID, registrations: rows })
    const record = await post('/__mock/bulk', { attendanceFor: SECRETARY.id, records: rows })
    if (roster.rows !== rows || record.rows !== rows) throw new Error(`the mock filled ${roster.rows} / ${record.rows} rows, not ${rows}`)
    results.push(await benchRoster(browser, rows))
    results.push(await benchRecord(browser, rows))
  }
} finally {
  await browser.close()
  mock.stop()
}

// Budgets: nodes of the long list against the short one; every tap of a toggle.
let failed = false
for (const r of results) {
  const short = results.find((s) => s.list === r.list && s.rows === SIZES[0])
  r.nodeGrowth = (r.nodes - short.nodes) / short.nodes
  r.medians = r.taps ? Object.fromEntries(Object.entries(r.taps).map(([tap, samples]) => [tap, median(samples)])) : null
  r.missed = [
    ...(Math.abs(r.nodeGrowth) > LIST_BUDGETS.nodeGrowth ? ['nodes'] : []),
    ...Object.entries(r.medians ?? {})
      .filter(([, ms]) => ms > LIST_BUDGETS.tapMs)
      .map(([tap]) => tap),
  ]
  r.ok = r.missed.length === 0
  if (!r.ok) failed = true
}

const ms = (v) => (v === undefined ? '—' : v.toFixed(1))
const cell = (text, width, left = false) => {
  // CJK characters take two columns.
  const pad = Math.max(0, width - [...String(text)].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))
  return left ? text + ' '.repeat(pad) : ' '.repeat(pad) + text
}
console.log(`\nLong lists: DOM nodes once loaded; toggle taps with ${CPU_THROTTLE}× CPU throttling, median of ${TOGGLES} (ms)\n`)
console.log(
  [cell('list', 8, true), cell('rows', 5), cell('loaded', 7), cell('DOM nodes', 9), cell('vs 50', 6), cell('rows in DOM', 11), cell('tap row', 8), cell('tap 出席/缺勤', 13), cell('toggle (保存)', 13), '  status'].join('  '),
)
for (const r of results) {
  console.log(
    [
      cell(r.list, 8, true),
      cell(String(r.rows), 5),
      cell(`${(r.loadMs / 1000).toFixed(1)} s`, 7),
      cell(String(r.nodes), 9),
      cell(`${r.nodeGrowth >= 0 ? '+' : ''}${(r.nodeGrowth * 100).toFixed(1)}%`, 6),
      cell(String(r.rowsInDom), 11),
      cell(ms(r.medians?.open), 8),
      cell(ms(r.medians?.choose), 13),
      cell(ms(r.medians?.save), 13),
      `  ${r.ok ? 'ok' : `OVER (${r.missed.join(', ')})`}`,
    ].join('  '),
  )
}
// CPU throttling stretches the renderer's own time; CPUs shared with other work stretch it further.
const load = { before: loadBefore, after: os.loadavg()[0], cpus: os.cpus().length }
if (Math.max(load.before, load.after) > load.cpus / 2) {
  console.log(
    `\nnote: load average ${load.before.toFixed(1)} → ${load.after.toFixed(1)} on ${load.cpus} CPUs: other work competed for the CPU, so the tap times are higher than on an idle machine.`,
  )
}
console.log(
  `\nbudgets: DOM nodes within ${LIST_BUDGETS.nodeGrowth * 100}% of the 50-row list; each tap of a toggle ≤ ${LIST_BUDGETS.tapMs} ms (median).` +
    '\nDOM nodes = document.getElementsByTagName("*").length. A tap is timed from the click event to the frame after its result shows;' +
    '\n保存 waits for the PUT answer (mock on localhost, no delay), so that figure includes the round trip. 出勤记录 has no toggle (read-only).',
)
// The taps by name, and the regression floor CI enforces until the 100 ms budget is met (measured on a quiet
// machine: 95–125 ms to open the sheet, 22–38 ms to choose, 95–130 ms from 保存 to the row; ~200 ms under load).
const TAP_NAMES = { open: 'tap row (sheet opens)', choose: 'tap 出席/缺勤', save: '保存 → row shows it' }
const TAP_FLOOR_MS = 300
if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        budgets: LIST_BUDGETS,
        cpuThrottle: CPU_THROTTLE,
        toggles: TOGGLES,
        nodeMetric: 'document.getElementsByTagName("*").length',
        toggleIncludesServer: true,
        load,
        lists: results,
        // For `npm run bench`: the issue's budgets, and the floor CI holds while a budget is not yet met.
        title: `Long lists (${CPU_THROTTLE}× CPU)`,
        figures: results.flatMap((r) => [
          {
            figure: `${r.list} ${r.rows} rows: DOM nodes`,
            value: `${r.nodes} (${r.nodeGrowth >= 0 ? '+' : ''}${(r.nodeGrowth * 100).toFixed(1)}%)`,
            budget: `±${LIST_BUDGETS.nodeGrowth * 100}% of 50 rows`,
            ok: Math.abs(r.nodeGrowth) <= LIST_BUDGETS.nodeGrowth,
            enforced: true,
          },
          ...Object.entries(r.medians ?? {}).flatMap(([tap, value]) => [
            { figure: `${r.list} ${r.rows} rows: ${TAP_NAMES[tap] ?? tap}`, value: `${value.toFixed(0)} ms`, budget: `≤ ${LIST_BUDGETS.tapMs} ms`, ok: value <= LIST_BUDGETS.tapMs, enforced: false },
            { figure: `${r.list} ${r.rows} rows: ${TAP_NAMES[tap] ?? tap} (floor)`, value: `${value.toFixed(0)} ms`, budget: `≤ ${TAP_FLOOR_MS} ms`, ok: value <= TAP_FLOOR_MS, enforced: true },
          ]),
        ]),
      },
      null,
      2,
    ),
  )
}
process.exit(failed ? 1 : 0)
