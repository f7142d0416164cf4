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
import { chromium, type Browser, type Page } from '@playwright/test'
import { chromiumPath, freePort, median, requireH5Build, startMock } from './bench-support'
import type { Figure } from './figures-file'

declare global {
  interface Window {
    /** The tap being timed by `timeTap`: resolves to its milliseconds. */
    __tap?: Promise<number>
  }
}

/** Where a tap lands: an element's box in the viewport. */
type Box = { x: number; y: number; width: number; height: number }
/** The taps timed on the 名单, in ms per toggle: the one tap, and the sheet's three (row, choice, 保存). */
type Taps = { quick: number[]; open: number[]; choose: number[]; save: number[] }
/** One list at one size, as measured. */
type ListResult = { list: string; rows: number; loadMs: number; nodes: number; rowsInDom: number; taps: Taps | null }
/** A list once judged: its growth against 50 rows, the median of each tap, and the budgets it missed. */
type JudgedResult = ListResult & { nodeGrowth: number; medians: Record<keyof Taps, number> | null; missed: string[]; ok: boolean }

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

async function post<T = undefined>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(origin + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (res.status === 204 ? undefined : await res.json()) as T
}

/** A page signed in as `phone`, the session kept the way the app keeps it (Taro's H5 storage format). */
async function signedInPage(browser: Browser, phone: string) {
  const { token, user } = await post<{ token: string; user: unknown }>('/api/auth/login', { phone, code: '123456' })
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(…)`; the
  // functions sent to page.evaluate carry that call into the page, where it must exist.
  await context.addInitScript('globalThis.__name = (fn) => fn')
  await context.addInitScript((session) => {
    localStorage.setItem('zst-session', JSON.stringify({ data: JSON.stringify({ state: session, version: 1 }) }))
  }, { token, user })
  return { context, page: await context.newPage() }
}

/** Waits two frames and a quiet moment, so that the list has rendered what it will render. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))))

/** Element count of the document and how many list rows are in it. */
const countNodes = (page: Page, rowSelector: string) =>
  page.evaluate((selector) => ({ nodes: document.getElementsByTagName('*').length, rowsInDom: document.querySelectorAll(selector).length }), rowSelector)

/**
 * Clicks at the centre of `box` with real input (CDP Input.dispatchMouseEvent) and answers the time from
 * the click event's timestamp to the frame after `done(arg)` first holds in the DOM.
 */
async function timeTap<A>(page: Page, box: Box | null, done: (arg: A) => boolean, arg?: A): Promise<number> {
  if (!box) throw new Error('the element to tap is not on the page')
  await page.evaluate(
    ([source, value]) => {
      const isDone = new Function('arg', `return (${source})(arg)`) as (arg: unknown) => boolean
      window.__tap = new Promise<number>((resolve, reject) => {
        let clickedAt: number | null = null
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
              resolve(performance.now() - (clickedAt ?? 0))
            }),
          )
        }
        const observer = new MutationObserver(check)
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
        document.addEventListener('click', () => queueMicrotask(check), { once: true })
      })
    },
    [done.toString(), arg] as const,
  )
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  return page.evaluate(() => window.__tap as Promise<number>)
}

/** What a row shows: its phone line (unique per person), its attendance tag, and its two tap targets. */
const readRows = (page: Page) =>
  page.evaluate(() => {
    const box = (el: Element | null | undefined) => {
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
const rowShows = ([phone, label]: readonly [string, string]) =>
  [...document.querySelectorAll('.ea-row')].some(
    (row) => row.querySelector('.ea-row__line')?.textContent === phone && row.querySelector('.ea-row__top')?.children[2]?.textContent === label,
  )

/** The 名单 at `rows` rows: DOM nodes once loaded, then TOGGLES toggles timed with the CPU throttled. */
async function benchRoster(browser: Browser, rows: number): Promise<ListResult> {
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
  const taps: Taps = { quick: [], open: [], choose: [], save: [] }
  for (let i = 0; i < TOGGLES; i += 1) {
    // Rows wholly in the window with a quick button (registered people), first to last; each toggle takes the next one.
    const visible = (await readRows(page)).filter((r) => r.quick)
    if (!visible.length) throw new Error('no roster row with a quick button in view')
    const target = visible[i % visible.length]

    // One tap on the quick button; the row changes before the server answers.
    const quickTo = target.attendance === '出席' ? '缺勤' : '出席'
    taps.quick.push(await timeTap(page, target.quick, rowShows, [target.phone, quickTo] as const))
    // The answer is in when the button is no longer busy; it must not have put the row back.
    await page.waitForFunction((phone) => {
      const row = [...document.querySelectorAll('.ea-row')].find((r) => r.querySelector('.ea-row__line')?.textContent === phone)
      return row?.querySelector('.ea-row__quick')?.getAttribute('aria-busy') === 'false'
    }, target.phone)
    if (!(await page.evaluate(rowShows, [target.phone, quickTo] as const))) throw new Error(`the server did not keep ${quickTo} for ${target.phone}`)
    if (await page.locator('.ea-quick-failures [role=alert]').count()) throw new Error('a quick change failed')

    // The same row through its sheet, back the other way.
    const next = quickTo === '出席' ? '缺勤' : '出席'
    taps.open.push(await timeTap(page, target.main, () => document.querySelector('[role=dialog] [role=radiogroup]') !== null))
    const chip = await page.locator('[role=dialog] [role=radio]', { hasText: next }).boundingBox()
    taps.choose.push(
      await timeTap(page, chip, (label: string) =>
        [...document.querySelectorAll('[role=dialog] [role=radio][aria-checked=true]')].some((el) => el.textContent === label),
      next),
    )
    const save = await page.locator('[role=dialog] .zs-btn', { hasText: '保存' }).boundingBox()
    taps.save.push(await timeTap(page, save, rowShows, [target.phone, next] as const))
    // The 已改为… toast sits over the middle rows until it fades.
    await page.waitForFunction(() => !document.querySelector('[role=dialog]') && [...document.querySelectorAll('.taro__toast')].every((el) => (el as HTMLElement).style.display === 'none'))
    await page.waitForTimeout(200)
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  await context.close()
  return { list: '名单', rows, loadMs, nodes, rowsInDom, taps }
}

/** The 出勤记录 at `rows` rows: DOM nodes once loaded. */
async function benchRecord(browser: Browser, rows: number): Promise<ListResult> {
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
const results: ListResult[] = []
try {
  for (const rows of SIZES) {
    await post('/__mock/reset')
    const roster = await post<{ rows: number }>('/__mock/bulk', { eventId: EVENT_ID, registrations: rows })
    const record = await post<{ rows: number }>('/__mock/bulk', { attendanceFor: SECRETARY.id, records: rows })
    if (roster.rows !== rows || record.rows !== rows) throw new Error(`the mock filled ${roster.rows} / ${record.rows} rows, not ${rows}`)
    results.push(await benchRoster(browser, rows))
    results.push(await benchRecord(browser, rows))
  }
} finally {
  await browser.close()
  mock.stop()
}

// Budgets: nodes of the long list against the short one; the one-tap toggle (the sheet's taps are printed only).
const judged: JudgedResult[] = results.map((r) => {
  const short = results.find((s) => s.list === r.list && s.rows === SIZES[0]) as ListResult
  const nodeGrowth = (r.nodes - short.nodes) / short.nodes
  const medians = r.taps ? (Object.fromEntries(Object.entries(r.taps).map(([tap, samples]) => [tap, median(samples)])) as Record<keyof Taps, number>) : null
  const missed = [
    ...(Math.abs(nodeGrowth) > LIST_BUDGETS.nodeGrowth ? ['nodes'] : []),
    ...(medians && medians.quick > LIST_BUDGETS.tapMs ? ['quick'] : []),
  ]
  return { ...r, nodeGrowth, medians, missed, ok: missed.length === 0 }
})
const failed = judged.some((r) => !r.ok)

const ms = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(1))
const cell = (text: string, width: number, left = false) => {
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
for (const r of judged) {
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
        lists: judged,
        // For `npm run bench`: the issue's budgets (the sheet's taps are in `lists` only, not enforced).
        title: `Long lists (${CPU_THROTTLE}× CPU)`,
        figures: judged.flatMap((r): Figure[] => [
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
