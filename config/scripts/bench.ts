// `npm run bench` (issue 6): every speed and size measurement, one table at the end, exit 1 when an enforced figure
// misses. A figure is either enforced (its budget holds in CI) or a target not yet met ("below target"), which is
// then paired with an enforced floor row that catches regressions until the target is reached.
// Each part is its own script (run alone for its details) that writes its figures with `--json FILE`:
//   size.ts (builds in dist/), bench-api.ts, bench-lists.ts, bench-lighthouse.ts (the H5 build).
// BENCH_ONLY=size,api picks parts. Needs both builds: `npm run build:weapp && npm run build:h5` first.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Figure, FigureSection } from './figures-file'

const here = path.dirname(fileURLToPath(import.meta.url))
const parts = [
  { key: 'size', script: 'size.ts' },
  { key: 'api', script: 'bench-api.ts' },
  { key: 'lists', script: 'bench-lists.ts' },
  { key: 'lighthouse', script: 'bench-lighthouse.ts' },
]
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim())
const chosen = parts.filter((p) => !only || only.includes(p.key))
const dir = mkdtempSync(path.join(tmpdir(), 'zst-bench-'))

const sections: FigureSection[] = []
let failed = false
for (const part of chosen) {
  const out = path.join(dir, `${part.key}.json`)
  console.log(`\n=== ${part.key}: tsx config/scripts/${part.script} ===\n`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, part.script), '--json', out], { stdio: 'inherit' })
  if (!existsSync(out)) {
    failed = true
    sections.push({ title: part.key, figures: [{ figure: `${part.script} wrote no figures (exit ${run.status})`, value: '—', budget: '', ok: false, enforced: true }] })
    continue
  }
  const section = JSON.parse(readFileSync(out, 'utf8')) as FigureSection
  // A script exits 1 on any missed budget, targets included: the figures, not the exit code, decide here.
  if (!Array.isArray(section.figures) || section.figures.length === 0) {
    section.figures = [{ figure: `${part.script} wrote no figures (exit ${run.status})`, value: '—', budget: '', ok: false, enforced: true }]
  }
  if (section.figures.some((f) => f.enforced && !f.ok)) failed = true
  sections.push(section)
}
rmSync(dir, { recursive: true, force: true })

// Display width: CJK characters take two columns.
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0)
const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s))))
const status = (f: Figure) => (f.ok ? 'ok' : f.enforced ? 'OVER' : 'below target')
const rows = sections.flatMap((s) => s.figures.map((f) => [s.title, f.figure, f.value, f.budget, status(f)]))
const header = ['part', 'figure', 'value', 'budget', 'status']
const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))))
const line = (row: string[]) => row.map((c, i) => pad(c, widths[i], i >= 2)).join('  ')
console.log('\n=== bench: all figures ===\n')
console.log(line(header))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
rows.forEach((r) => console.log(line(r)))
if (failed) {
  console.error('\nbench: an enforced budget is missed (OVER above).')
  process.exit(1)
}
const below = rows.filter((r) => r[4] === 'below target').length
console.log(below ? `\nbench: every enforced budget met; ${below} figure(s) still below the issue's target (their floors hold).` : '\nbench: every budget met.')
