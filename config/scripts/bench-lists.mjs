// Long lists (issue 6): the organiser's 名单 and the secretary's 出勤记录 with 50 and with 5,000 rows, in
// headless Chromium against the preview build (dist/h5 served by the mock on one origin). Prints a table and,
// with --json FILE, writes the figures. Exits 1 when a budget is missed:
//   - DOM nodes: `document.getElementsByTagName('*').length` once the whole list has loaded and rendered;
//     the 5,000-row figure must stay within 10 % of the 50-row one.
//   - Toggling one row's attendance on the 名单 with the CPU throttled 4× (DevTools protocol
//     `Emulation.setCPUThrottlingRate`): one tap on the row's quick button (出席, or 缺勤 on a 出席 row),
//     timed from the click event's timestamp to the frame after the row shows the new attendance. The row
//     changes before the PUT is answered (optimistic), so no round trip is in the figure; the next toggle
//     waits for the answer. The median of BENCH_TOGGLES (11) toggles must be ≤ 100 ms.
//   - Printed, not enforced: the same row through its sheet (迟到, 请假 and a note still go that way), three
//     taps timed the same way — the row (the sheet opens), 出席/缺勤 (the choice is marked), 保存 (the row
//     shows it; this one waits for the server's answer, the mock on localhost with no added delay).
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

/** What a row shows: its phone line (unique per person), its attendance tag, and its two tap targets. */
const readRows = (page) =>
  page.evaluate(() => {
    const box = (el) => {
      const rect = el?.getBoundingClientRect()
      return rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null
    }
    return [...document.querySelectorAll('.ea-row')]
      .map((row) => ({ row, rect: row.getBoundingClientRect() }))
      .filter(({ rect }) => rect.top >= 0 && rect.bottom <= window.innerHeight && rect.height > 0)
      .sort((a, b) => a.rect.top - b.rect.top)
      .map(({ row }) => ({
        phone: row.querySelector('.ea-row__line')?.textContent ?? '',
        attendance: row.querySelector('.ea-row__top')?.children[2]?.textContent ?? '',
        main: box(row.querySelector('.ea-row__main')),
        quick: box(row.querySelector('.ea-row__quick')),
      }))
  })

/** True once the row with `phone` shows `label` as its attendance (runs in the page). */
const rowShows = ([phone, label]) =>
  [...document.querySelectorAll('.ea-row')].some(
    (row) => row.querySelector('.ea-row__line')?.textContent === phone && row.querySelector('.ea-row__top')?.children[2]?.textContent === label,
  )

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
  const taps = { quick: [], open: [], choose: [], save: [] }
  for (let i = 0; i < TOGGLES; i += 1) {
    // Rows wholly in the window with a quick button (registered people), first to last; each toggle takes the next one.
    const visible = (await readRows(page)).filter((r) => r.quick)
    if (!visible.length) throw new Error('no roster row with a quick button in view')
    const target = visible[i % visible.length]

    // One tap on the quick button; the row changes before the server answers.
    const quickTo = target.attendance === '出席' ? '缺勤' : '出席'
    taps.quick.push(await timeTap(page, target.quick, rowShows, [target.phone, quickTo]))
    // The answer is in when the button is no longer busy; it must not have put the row back.
    await page.waitForFunction((phone) => {
      const row = [...document.querySelectorAll('.ea-row')].find((r) => r.querySelector('.ea-row__line')?.textContent === phone)
      return row?.querySelector('.ea-row__quick')?.getAttribute('aria-busy') === 'false'
    }, target.phone)
    if (!(await page.evaluate(rowShows, [target.phone, quickTo]))) throw new Error(`the server did not keep ${quickTo} for ${target.phone}`)
    if (await page.locator('.ea-quick-failures [role=alert]').count()) throw new Error('a quick change failed')

    // The same row through its sheet, back the other way.
    const next = quickTo === '出席' ? '缺勤' : '出席'
    taps.open.push(await timeTap(page, target.main, () => document.querySelector('[role=dialog] [role=radiogroup]') !== null))
    const chip = await page.locator('[role=dialog] [role=radio]', { hasText: next }).boundingBox()
    taps.choose.push(
      await timeTap(page, chip, (label) =>
        [...document.querySelectorAll('[role=dialog] [role=radio][aria-checked=true]')].some((el) => el.textContent === label),
      next),
    )
    const save = await page.locator('[role=dialog] .zs-btn', { hasText: '保存' }).boundingBox()
    taps.save.push(await timeTap(page, save, rowShows, [target.phone, next]))
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

// Budgets: nodes of the long list against the short one; the one-tap toggle (the sheet's taps are printed only).
let failed = false
for (const r of results) {
  const short = results.find((s) => s.list === r.list && s.rows === SIZES[0])
  r.nodeGrowth = (r.nodes - short.nodes) / short.nodes
  r.medians = r.taps ? Object.fromEntries(Object.entries(r.taps).map(([tap, samples]) => [tap, median(samples)])) : null
  r.missed = [
    ...(Math.abs(r.nodeGrowth) > LIST_BUDGETS.nodeGrowth ? ['nodes'] : []),
    ...(r.medians && r.medians.quick > LIST_BUDGETS.tapMs ? ['quick'] : []),
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
  [
    cell('list', 8, true),
    cell('rows', 5),
    cell('loaded', 7),
    cell('DOM nodes', 9),
    cell('vs 50', 6),
    cell('rows in DOM', 11),
    cell('one tap', 8),
    cell('sheet: row', 10),
    cell('出席/缺勤', 9),
    cell('保存', 6),
    '  status',
  ].join('  '),
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
      cell(ms(r.medians?.quick), 8),
      cell(ms(r.medians?.open), 10),
      cell(ms(r.medians?.choose), 9),
      cell(ms(r.medians?.save), 6),
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
  `\nbudgets: DOM nodes within ${LIST_BUDGETS.nodeGrowth * 100}% of the 50-row list; one tap on a row's quick button ≤ ${LIST_BUDGETS.tapMs} ms (median).` +
    '\nDOM nodes = document.getElementsByTagName("*").length. A tap is timed from the click event to the frame after its result shows.' +
    '\nThe one tap shows the row before the PUT is answered. The sheet (row, 出席/缺勤, 保存) is printed, not enforced: 保存 waits for' +
    '\nthe PUT answer (mock on localhost, no delay), so that figure includes the round trip. 出勤记录 has no toggle (read-only).',
)
if (jsonOut) {
  writeFileSync(
    jsonOut,
    JSON.stringify(
      {
        budgets: LIST_BUDGETS,
        cpuThrottle: CPU_THROTTLE,
        toggles: TOGGLES,
        nodeMetric: 'document.getElementsByTagName("*").length',
        // The enforced one tap is optimistic; the sheet's 保存 (printed only) waits for the server.
        quickIncludesServer: false,
        sheetSaveIncludesServer: true,
        load,
        lists: results,
        // For `npm run bench`: the issue's budgets (the sheet's taps are in `lists` only, not enforced).
        title: `Long lists (${CPU_THROTTLE}× CPU)`,
        figures: results.flatMap((r) => [
          {
            figure: `${r.list} ${r.rows} rows: DOM nodes`,
            value: `${r.nodes} (${r.nodeGrowth >= 0 ? '+' : ''}${(r.nodeGrowth * 100).toFixed(1)}%)`,
            budget: `±${LIST_BUDGETS.nodeGrowth * 100}% of 50 rows`,
            ok: Math.abs(r.nodeGrowth) <= LIST_BUDGETS.nodeGrowth,
            enforced: true,
          },
          ...(r.medians
            ? [
                {
                  figure: `${r.list} ${r.rows} rows: one-tap 出席/缺勤 → row shows it`,
                  value: `${r.medians.quick.toFixed(0)} ms`,
                  budget: `≤ ${LIST_BUDGETS.tapMs} ms`,
                  ok: r.medians.quick <= LIST_BUDGETS.tapMs,
                  enforced: true,
                },
              ]
            : []),
        ]),
      },
      null,
      2,
    ),
  )
}
process.exit(failed ? 1 : 0)
