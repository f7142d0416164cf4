// `npm start`: the mock API and the H5 dev server together; prints where to open the app.
import { spawn } from 'node:child_process'

const mockPort = process.env.MOCK_PORT || '9527'
const appPort = 10086
const env = { ...process.env, MOCK_PORT: mockPort, TARO_APP_DEMO: 'true', NODE_ENV: 'development', MOCK_TEST_ROUTES: '1', MOCK_DELAY_MS: process.env.MOCK_DELAY_MS ?? '150' }
const children = [
  spawn('npx', ['tsx', 'mock/main.ts'], { stdio: 'inherit', env }),
  spawn('npx', ['taro', 'build', '--type', 'h5', '--watch'], { stdio: ['ignore', 'pipe', 'inherit'], env }),
]

let announced = false
children[1].stdout?.on('data', (chunk) => {
  process.stdout.write(chunk)
  if (!announced && /Compiled|compiled|编译成功|successfully/i.test(String(chunk))) {
    announced = true
    console.log(`\n  支书通 is ready: open http://127.0.0.1:${appPort}/ in a browser (mock API on port ${mockPort}).`)
    console.log('  Demo: secretaries 13800000001–13800000040, organisers 13900000001–13900000003, code 123456.\n')
  }
})

const stop = () => {
  for (const child of children) child.kill('SIGTERM')
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) {
  child.on('exit', (code) => {
    if (code && code !== 0) {
      console.error(`[start] a process exited with code ${code}; stopping.`)
      stop()
    }
  })
}
