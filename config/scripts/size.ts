// Size budgets of the production builds (dist/weapp, dist/h5): prints each figure against its
// budget and the largest files, exits 1 when a budget is exceeded or a build is missing.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import * as acorn from 'acorn'

const KB = 1024
const root = fileURLToPath(new URL('../..', import.meta.url))
const weappDir = path.join(root, 'dist', 'weapp')
const h5Dir = path.join(root, 'dist', 'h5')

const budgets = { weappMain: 600 * KB, weappSubPackage: 300 * KB, asset: 50 * KB, h5FirstLoadGzip: 165 * KB }
// Code files; anything else (images, fonts, media…) is an asset with its own per-file budget.
const codeExtensions = new Set(['.js', '.wxml', '.wxss', '.json', '.wxs', '.css', '.html'])
const isAsset = (file: string) => !codeExtensions.has(path.extname(file)) && !file.endsWith('.LICENSE.txt')

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`
const posix = (file: string) => file.split(path.sep).join('/')

// A built file: its path below the build folder (POSIX) and its size.
type BuiltFile = { file: string; bytes: number }

// Every file below `dir`, as { file (relative, POSIX), bytes }.
function listFiles(dir: string): BuiltFile[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name)
      return { file: posix(path.relative(dir, full)), bytes: fs.statSync(full).size }
    })
}

const sum = (files: BuiltFile[]) => files.reduce((total, f) => total + f.bytes, 0)
const largest = (files: BuiltFile[], count = 5) => [...files].sort((a, b) => b.bytes - a.bytes).slice(0, count)

// Sub-package roots ('pkg-a/') declared in the built app.json.
function subPackageRoots(): string[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(weappDir, 'app.json'), 'utf8'))
  const subPackages = appJson.subPackages ?? appJson.subpackages ?? []
  return subPackages.map((p: { root: string }) => `${p.root.replace(/^\/+|\/+$/g, '')}/`)
}

// Paths of the scripts index.html loads up front: <script src> and <link rel=preload as=script>.
function firstLoadScripts(html: string): string[] {
  const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']?([^"'\\s>]+)`, 'i'))?.[1]
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => attr(m[0], 'src'))
  const preloads = [...html.matchAll(/<link\b[^>]*>/gi)]
    .filter((m) => attr(m[0], 'rel')?.toLowerCase() === 'preload' && attr(m[0], 'as')?.toLowerCase() === 'script')
    .map((m) => attr(m[0], 'href'))
  return [...new Set([...scripts, ...preloads].filter((src): src is string => Boolean(src)))]
}

// Module id → name of each build, written by config/module-stats-plugin.ts ({} when absent).
const moduleNames = (platform: string): Record<string, string> => {
  const file = path.join(root, 'dist', 'stats', `${platform}.json`)
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
}

// Minified bytes of each webpack module in a chunk file: the `{id: function…}` maps webpack emits.
function moduleBytes(code: string): Map<string, number> {
  const sizes = new Map<string, number>()
  let ast: acorn.Node
  try {
    ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' })
  } catch {
    return sizes
  }
  // A property key's name or value: `123:` is a Literal, `abc:` an Identifier.
  const keyOf = (key: acorn.Expression | acorn.PrivateIdentifier) => ('value' in key ? key.value : 'name' in key ? key.name : undefined)
  const isModuleMap = (node: acorn.Node): node is acorn.ObjectExpression & { properties: acorn.Property[] } =>
    node.type === 'ObjectExpression' &&
    (node as acorn.ObjectExpression).properties.length > 0 &&
    (node as acorn.ObjectExpression).properties.every(
      (p) => p.type === 'Property' && p.key && (typeof keyOf(p.key) === 'number' || /^\d+$/.test(String(keyOf(p.key)))) && /Function/.test(p.value.type),
    )
  const walk = (node: acorn.Node | null | undefined) => {
    if (!node || typeof node.type !== 'string') return
    if (isModuleMap(node)) {
      for (const p of node.properties) sizes.set(String(keyOf(p.key)), p.value.end - p.value.start)
      return
    }
    for (const value of Object.values(node) as unknown[]) {
      if (Array.isArray(value)) value.forEach(walk)
      else if (value && typeof value === 'object') walk(value as acorn.Node)
    }
  }
  walk(ast)
  return sizes
}

// A module name made short: `zod/v4/classic/external.js + 80 modules`, `src/features/…`.
const shortName = (name: string) => name.replace(/^(\.\.?\/)+/, '').replace(/^.*node_modules\//, '')

// The five largest modules (minified bytes) of the JS files of one package.
function largestModules(dir: string, files: BuiltFile[], names: Record<string, string>): [string, number][] {
  const total = new Map<string, number>()
  for (const f of files.filter((x) => x.file.endsWith('.js'))) {
    for (const [id, bytes] of moduleBytes(fs.readFileSync(path.join(dir, f.file), 'utf8'))) {
      const name = names[id] ? shortName(names[id]) : `module ${id}`
      total.set(name, (total.get(name) ?? 0) + bytes)
    }
  }
  return [...total].sort((a, b) => b[1] - a[1]).slice(0, 5)
}

const rows: [figure: string, size: string, budget: string, status: string][] = []
const failures: string[] = []
const tops: [name: string, files: BuiltFile[], dir: string, platform: string][] = []
// Records one figure against its budget.
function check(figure: string, bytes: number, budget: number) {
  const ok = bytes <= budget
  rows.push([figure, kb(bytes), kb(budget), ok ? 'ok' : 'OVER'])
  if (!ok) failures.push(`${figure}: ${kb(bytes)} > ${kb(budget)}`)
}

const missing = [
  [path.join(weappDir, 'app.json'), 'npm run build:weapp'],
  [path.join(h5Dir, 'index.html'), 'npm run build:h5'],
].filter(([file]) => !fs.existsSync(file))
for (const [file, command] of missing) console.error(`Missing ${posix(path.relative(root, file))}: run \`${command}\` first.`)
if (missing.length > 0) process.exit(1)

// Mini-program: main package, then each sub-package.
const weappFiles = listFiles(weappDir)
const roots = subPackageRoots()
const inRoot = (file: string, r: string) => file.startsWith(r)
const mainFiles = weappFiles.filter((f) => !roots.some((r) => inRoot(f.file, r)))
check('weapp main package', sum(mainFiles), budgets.weappMain)
tops.push(['weapp main package', mainFiles, weappDir, 'weapp'])
for (const r of roots) {
  const files = weappFiles.filter((f) => inRoot(f.file, r))
  check(`weapp sub-package ${r}`, sum(files), budgets.weappSubPackage)
  tops.push([`weapp sub-package ${r}`, files, weappDir, 'weapp'])
}

// H5: gzip of the scripts loaded by index.html.
const h5Files = listFiles(h5Dir)
let firstLoadGzip = 0
const firstLoad: BuiltFile[] = []
for (const src of firstLoadScripts(fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8'))) {
  const file = path.join(h5Dir, src.replace(/^(\.?\/)+/, ''))
  if (/^(https?:)?\/\//.test(src) || !fs.existsSync(file)) {
    failures.push(`h5 first-load script ${src} is not a file in dist/h5: cannot measure it`)
    continue
  }
  firstLoadGzip += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
  firstLoad.push({ file: posix(path.relative(h5Dir, file)), bytes: fs.statSync(file).size })
}
check('h5 first-load JS (gzip -9)', firstLoadGzip, budgets.h5FirstLoadGzip)
tops.push(['h5 first load', firstLoad, h5Dir, 'h5'])

// Non-code assets, per file, in both builds.
const assets = [
  ...weappFiles.filter((f) => isAsset(f.file)).map((f) => ({ ...f, file: `weapp/${f.file}` })),
  ...h5Files.filter((f) => isAsset(f.file)).map((f) => ({ ...f, file: `h5/${f.file}` })),
]
const [biggestAsset] = largest(assets, 1)
for (const asset of assets.filter((a) => a.bytes > budgets.asset)) check(`asset ${asset.file}`, asset.bytes, budgets.asset)
if (!assets.some((a) => a.bytes > budgets.asset)) {
  check(`largest asset${biggestAsset ? ` (${biggestAsset.file})` : ' (none)'}`, biggestAsset?.bytes ?? 0, budgets.asset)
}

// Prints rows as an aligned table.
function printTable(header: string[], body: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  body.forEach((row) => console.log(line(row)))
}

console.log('Size budgets (1 KB = 1024 bytes)\n')
printTable(['figure', 'size', 'budget', 'status'], rows)
for (const [name, files, dir, platform] of tops) {
  console.log(`\nLargest files: ${name}`)
  printTable(['file', 'size'], largest(files).map((f) => [f.file, kb(f.bytes)]))
  const modules = largestModules(dir, files, moduleNames(platform))
  if (modules.length > 0) {
    console.log(`\nLargest modules (minified): ${name}`)
    printTable(['module', 'size'], modules.map(([m, bytes]) => [m.length > 90 ? `${m.slice(0, 87)}...` : m, kb(bytes)]))
  }
}
// `--json FILE`: the figures for `npm run bench` (config/scripts/bench.ts).
const jsonAt = process.argv.indexOf('--json')
if (jsonAt > 0) {
  const figures = rows.map(([figure, value, budget, status]) => ({ figure, value, budget: `≤ ${budget}`, ok: status === 'ok', enforced: true }))
  fs.writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ title: 'Sizes', figures }, null, 2))
}
if (failures.length > 0) {
  console.error(`\nOver budget:\n${failures.map((f) => `- ${f}`).join('\n')}`)
  process.exit(1)
}
console.log('\nAll size budgets met.')
