// The floor bench-api.ts measures each route beside: a bare node:http server in its own process
// (as the mock is), answering every request with the bytes in the file given as argument.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

const bytes = readFileSync(process.argv[2])
const server = createServer((req, res) => {
  req.resume()
  req.on('end', () => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length })
    res.end(bytes)
  })
})
server.listen(0, '127.0.0.1', () => console.log(`bare on ${(server.address() as AddressInfo).port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
