import { resolve } from 'node:path'
import { createMockServer } from './server'

// Starts the mock API from the command line: MOCK_PORT, MOCK_NOW, MOCK_DB_FILE, MOCK_STATIC_DIR, MOCK_DELAY_MS.
const port = Number(process.env.MOCK_PORT ?? process.env.PORT ?? 9527)
const mock = createMockServer({
  dbFile: process.env.MOCK_DB_FILE || undefined,
  staticDir: process.env.MOCK_STATIC_DIR ? resolve(process.env.MOCK_STATIC_DIR) : undefined,
  delayMs: Number(process.env.MOCK_DELAY_MS ?? 0) || undefined,
})
mock.listen(port).then(
  (base) => {
    const origin = base.replace(/\/api$/, '')
    console.log(`[mock] 支书通 mock API on ${base}${mock.clock.frozenAt() !== null ? ` (clock frozen at ${new Date(mock.clock.now()).toISOString()})` : ''}`)
    if (process.env.MOCK_STATIC_DIR) console.log(`[mock] H5 app on ${origin}/`)
  },
  (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `[mock] port ${port} is in use: set MOCK_PORT or PORT to another port` : error)
    process.exit(1)
  },
)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void mock.close().then(() => process.exit(0))
  })
}
