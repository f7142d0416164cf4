// Release checks of the built apps (issue 6): no secret ships in dist/weapp or dist/h5, and the
// mini-program's requiredPrivateInfos lists exactly the location APIs the code calls. Exits 1 otherwise.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const failures: string[] = []

// Every file below `dir` (relative paths).
const walk = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
    : []

// What must never reach a phone: WeChat's session_key and AppSecret, and private keys of any kind.
const SECRETS: [string, RegExp][] = [
  ['session_key', /session_?key/i],
  ['AppSecret', /app_?secret/i],
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['secret query parameter', /[?&]secret=[A-Za-z0-9]/],
]
let scanned = 0
for (const build of ['weapp', 'h5']) {
  const dir = path.join(root, 'dist', build)
  const files = walk(dir).filter((f) => /\.(js|json|wxml|wxss|html|css|txt|map)$/.test(f))
  if (files.length === 0) failures.push(`dist/${build} is empty: run \`npm run build:${build}\` first`)
  for (const file of files) {
    scanned += 1
    const text = fs.readFileSync(file, 'utf8')
    for (const [name, pattern] of SECRETS) {
      if (pattern.test(text)) failures.push(`${path.relative(root, file)} contains ${name}`)
    }
  }
}

// Location APIs WeChat wants declared in requiredPrivateInfos, and the ones the source calls.
const PRIVATE_APIS = ['getLocation', 'getFuzzyLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground', 'chooseLocation', 'choosePoi', 'chooseAddress']
const called = new Set<string>()
for (const file of walk(path.join(root, 'src')).filter((f) => /\.(ts|tsx)$/.test(f) && !/\.h5\.tsx?$/.test(f))) {
  const code = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
  for (const api of PRIVATE_APIS) if (new RegExp(`\\bTaro\\.${api}\\s*\\(`).test(code)) called.add(api)
}
const appJson = path.join(root, 'dist', 'weapp', 'app.json')
const declared = new Set<string>(fs.existsSync(appJson) ? (JSON.parse(fs.readFileSync(appJson, 'utf8')).requiredPrivateInfos ?? []) : [])
const missing = [...called].filter((api) => !declared.has(api))
const unused = [...declared].filter((api) => !called.has(api))
if (missing.length) failures.push(`requiredPrivateInfos lacks ${missing.join(', ')}, which the code calls`)
if (unused.length) failures.push(`requiredPrivateInfos declares ${unused.join(', ')}, which no code calls`)

console.log(`Secrets: ${scanned} built files scanned for ${SECRETS.map(([n]) => n).join(', ')}.`)
console.log(`requiredPrivateInfos: declared [${[...declared].join(', ')}], called on weapp [${[...called].join(', ')}].`)
if (failures.length) {
  console.error(`\nRelease check failed:\n${failures.map((f) => `- ${f}`).join('\n')}`)
  process.exit(1)
}
console.log('Release checks passed.')
