// What the bench scripts share: a free port, the mock in its own process (optionally serving the H5 build),
// Debian's Chromium, and the median.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import net, { type AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))

/** A free TCP port on 127.0.0.1. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })

/** The middle value (upper middle for an even count). */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** Exits with a message unless `npm run build:h5` has run. */
export function requireH5Build(): void {
  if (!existsSync(`${root}dist/h5/index.html`)) {
    console.error('No H5 build in dist/h5: run `npm run build:h5` first.')
    process.exit(1)
  }
}

/** CHROME_PATH, or Debian's chromium; exits with a message when there is none. */
export function chromiumPath(): string {
  const found = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))
  if (!found) {
    console.error('No Chromium found: install Debian’s chromium or set CHROME_PATH.')
    process.exit(1)
  }
  return found
}

/** A running mock: its port, its origin (`http://127.0.0.1:<port>`) and how to stop it. */
export type MockProcess = { port: number; origin: string; stop: (signal?: NodeJS.Signals) => boolean }

/**
 * The mock in its own process (as in development, so the load generator or browser does not share its event
 * loop), in memory and without added delay; with `staticDir` it also serves the H5 build on the same origin.
 */
export async function startMock({ port, staticDir }: { port?: number; staticDir?: string } = {}): Promise<MockProcess> {
  const chosen = port ?? (await freePort())
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock/main.ts'], {
    cwd: root,
    env: { ...process.env, MOCK_PORT: String(chosen), MOCK_DATA_DIR: '', MOCK_DB_FILE: '', MOCK_DELAY_MS: '0', MOCK_TEST_ROUTES: '1', MOCK_MUTATIONS_PER_MINUTE: '1000000', ...(staticDir ? { MOCK_STATIC_DIR: staticDir } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('mock API on') && resolve())
    child.on('exit', (code) => reject(new Error(`mock exited with ${code}`)))
  })
  return { port: chosen, origin: `http://127.0.0.1:${chosen}`, stop: (signal: NodeJS.Signals = 'SIGTERM') => child.kill(signal) }
}
