// `npm run preview`: the built H5 app and the mock API on one origin (PORT, default 10086).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync('dist/h5/index.html')) {
  console.error('No H5 build in dist/h5: run `npm run build:h5` first.')
  process.exit(1)
}
const port = process.env.PORT || '10086'
const child = spawn('npx', ['tsx', 'mock/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, MOCK_PORT: port, MOCK_STATIC_DIR: 'dist/h5' },
})
child.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
