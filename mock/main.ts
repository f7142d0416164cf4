import { resolve } from 'node:path'
import { createMockServer } from './server'

// Starts the mock API from the command line: MOCK_PORT, MOCK_NOW, MOCK_DATA_DIR, DATABASE_URL,
// MOCK_STATIC_DIR, MOCK_DELAY_MS.
if (process.env.MOCK_DB_FILE) {
  console.error(
    '[mock] MOCK_DB_FILE is gone: the mock now keeps its data in a database.\n' +
      '       Set MOCK_DATA_DIR to a folder (embedded PGlite), or DATABASE_URL to a PostgreSQL database, and unset MOCK_DB_FILE.\n' +
      '       The old JSON file is not read; delete it when you no longer need it.',
  )
  process.exit(1)
}
const port = Number(process.env.MOCK_PORT ?? process.env.PORT ?? 9527)
const mock = createMockServer({
  dataDir: process.env.MOCK_DATA_DIR ? resolve(process.env.MOCK_DATA_DIR) : undefined,
  databaseUrl: process.env.DATABASE_URL || undefined,
  staticDir: process.env.MOCK_STATIC_DIR ? resolve(process.env.MOCK_STATIC_DIR) : undefined,
  delayMs: Number(process.env.MOCK_DELAY_MS ?? 0) || undefined,
})
mock.listen(port).then(
  async (base) => {
    const origin = base.replace(/\/api$/, '')
    const storage = await mock.storage
    console.log(`[mock] 支书通 mock API on ${base}${mock.clock.frozenAt() !== null ? ` (clock frozen at ${new Date(mock.clock.now()).toISOString()})` : ''}`)
    console.log(`[mock] data: ${storage.where}`)
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
