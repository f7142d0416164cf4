import http from 'node:http'
import fc from 'fast-check'
import { apiErrorBodySchema } from '@/api/contract/common'
import { fingerprint, restoreSnapshot, saveSnapshot } from '../../mock/db/seed-store'
import { deleteSession, insertSession } from '../../mock/repos/sessions'
import { TINY_PNG } from '../support/commitments'
import { ENDPOINT_SAMPLES, resetFor, routeKey, sampleBody, type EndpointSample } from '../support/endpoint-samples'
import { startMockApi, type MockApi } from '../support/mock-api'

// Issue 6: ≥ 1,000 generated requests per endpoint (bodies, query strings, path ids, a few headers)
// from the caller the endpoint is meant for. Never a 5xx; every 4xx is a JSON error body of the
// contract; a refused request (and any GET) leaves the store exactly as it was.
//
// Requests go out in chunks (50 for a GET, 25 otherwise), concurrently. When every answer of a chunk
// is a refusal (and always for a GET), one snapshot before and after proves that none of them changed
// anything. When some succeeded, the store is put back and only the refused ones are sent again, until
// they are all refused from that same store; then the snapshot must match.
jest.setTimeout(120_000)

/** Requests per chunk (sent together) and chunks per endpoint: 1,000 requests per endpoint either way. */
const CHUNK = { read: 50, write: 50 }
const RUNS = { read: 20, write: 20 }
const MB = 1024 * 1024

let api: MockApi
let agent: http.Agent
let port: number
const pollutionBefore = Object.getOwnPropertyNames(Object.prototype).sort()
const figures: { endpoint: string; requests: number; refused: number; succeeded: number; replays: number; ms: number }[] = []

beforeAll(async () => {
  api = await startMockApi()
  port = Number(new URL(api.base).port)
  agent = new http.Agent({ keepAlive: true, maxSockets: 16 })
})
afterAll(async () => {
  agent.destroy()
  await api.close()
  const total = figures.reduce((n, f) => n + f.requests, 0)
  const lines = figures.map((f) => `${f.endpoint.padEnd(62)} ${String(f.requests).padStart(5)} ${String(f.refused).padStart(5)} ${String(f.succeeded).padStart(4)} ${String(f.replays).padStart(5)} ${String(f.ms).padStart(6)} ms`)
  console.log(`fuzz: requests refused succeeded replayed time per endpoint (${total} requests)\n${lines.join('\n')}`)
})

// ——— what the generator draws from ———

const SPECIAL_STRINGS = [
  '', ' ', '   padded   ', 'NaN', '-NaN', 'Infinity', '-Infinity', 'undefined', 'null', 'true', 'false', '-0', '0', '+1',
  '1e309', '-1e309', '0x1F', '1_000', '１２３', '٣', '2026.0', '02026', '\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\u007f',
  '\u0085', '\u00a0', '\u200b', '\u202e', '\ufeff', '\u2028', '\u2029', '\ud800', '\udfff', 'x\udbffy', '\ud83d', '👨‍👩‍👧', 'é', '\r\n',
  '\t', '\n\n', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '../../etc/passwd', '%00', '%',
  '<script>alert(1)</script>', "' OR 1=1 --", '=HYPERLINK("x")', '@SUM(1)', 'u-s01', 'u-s05', 'u-o1', 'evt-lecture-open',
  'evt-contest-draft', 'cmt-2026-u-s03', 'hon-2026-inn-01', 'ntf-seed-1', '123456', '000000', '1234567', '12345',
  '2026-12-01T09:30:00+08:00', '2026-12-01T09:30:00Z', '2026-02-30T09:00:00+08:00', '2026-12-01T25:00:00+08:00',
  '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-12-01', '+275760-09-13T00:00:00Z', '13800000001', '13900000001',
  '1380000000', '138000000011', 'secretary', 'organiser', 'admin', 'lecture', 'contest', 'draft', 'published', 'cancelled',
  'innovation', 'present', 'approve', 'return', 'http://127.0.0.1/uploads/x.png', 'javascript:alert(1)', 'data:image/png;base64,AA==',
]
const BOUND_NUMBERS = [
  '-0', '0', '1', '-1', '0.5', '0.25', '0.1', '1.5', '2', '3', '4', '5', '6', '9', '10', '11', '29', '30', '31', '39.5', '40',
  '40.5', '41', '59', '60', '61', '89.9', '90', '90.1', '99.5', '100', '100.5', '101', '179.9', '180', '180.1', '199', '200',
  '201', '255', '256', '499', '500', '501', '999', '1000', '1001', '1999', '2000', '2001', '2025', '2026', '2027', '2100',
  '2101', '4999', '5000', '5001', '999999', '1000000', '1000001', '1e9', '1000000001', '2147483647', '2147483648',
  '-2147483649', '9007199254740991', '9007199254740993', '123456789012345678901234567890', '1e400', '-1e400', '1e-400',
  '5e-324', '1.7976931348623157e308', '-1.7976931348623157e308', '1E2', '1.0', '-0.0',
]
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '']
const KNOWN_QUERY = ['page', 'pageSize', 'year', 'type', 'when', 'q', 'mine', 'role', 'town', 'status', 'attendance']
const CONTROL = fc.constantFrom(...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f', '\u0085', '\u2028', '\ud800', '\udc00')

const weirdString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(CONTROL, fc.constantFrom('a', '中', ' ')), maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(1, 2, 10, 11, 20, 21, 30, 31, 40, 41, 50, 51, 60, 61, 64, 65, 100, 101, 120, 121, 200, 201, 255, 256, 500, 501, 2000, 2001).map((n) => '长'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }).map((n) => 'x'.repeat(n)) },
)

/** A JSON value as raw text (so that `__proto__` keys, -0 and 1e400 reach the server as written). */
const rawJson: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: weirdString.map((s) => JSON.stringify(s)) },
    { weight: 3, arbitrary: fc.constantFrom(...BOUND_NUMBERS) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((n) => JSON.stringify(n)) },
    { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'null', '{}', '[]', '[null]', '{"":null}') },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...POLLUTION_KEYS), weirdString), tie('value')), { maxLength: 4 })
        .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    },
  ),
})).value

/** Structures meant to hurt: deep nesting, long arrays, prototype pollution. */
const nastyJson: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 100, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 100, max: 100_000 }).map((n) => `[${Array(n).fill('1').join(',')}]`),
  fc.integer({ min: 11, max: 5_000 }).map((n) => `[${Array(n).fill('{"title":"承诺事项","category":"集体经济"}').join(',')}]`),
  fc.constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"__proto__":{"toString":1,"polluted":"yes"},"a":1}',
    '{"prototype":{"polluted":true}}',
  ),
)

const invalidJsonText = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,]', 'undefined', "{'a':1}", '\u0000', 'NaN', '{"a":1}{"b":2}', '\ufeff{}', '{"a":1,}', '"unterminated', '1 2', '{"a":01}', '{"a":.5}', '{"a":+1}', '{"a":-}', '/**/{}'),
  fc.string({ unit: 'binary', maxLength: 40 }),
)

/** Percent-encodes a string; a lone surrogate goes out as its (invalid) 3-byte form, so the server sees broken UTF-8. */
function pctEncode(s: string): string {
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    } else out += encodeURIComponent(ch)
  }
  return out
}

const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: weirdString.map(pctEncode) },
  { weight: 3, arbitrary: fc.constantFrom(...BOUND_NUMBERS).map(pctEncode) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '..', '.', '%2F', '%2e%2e', '%C0%AE', '%E4%B8', '%FF', 'a%2Fb', '%252F', '%20') },
)

const queryValue = fc.oneof(weirdString.map(pctEncode), fc.constantFrom(...BOUND_NUMBERS).map(pctEncode), fc.constantFrom('%', '%zz', '%E4', ''))
const queryKey = fc.oneof(fc.constantFrom(...KNOWN_QUERY), fc.constantFrom(...POLLUTION_KEYS).map(pctEncode), weirdString.map(pctEncode), fc.constantFrom('page[]', 'a[b]', '&', '='))

// ——— one generated request ———

type FuzzRequest = { kind: string; path: string; headers: Record<string, string>; body?: string | Buffer }

const PLACEHOLDER = '@@FUZZ@@'

/** Paths of every value inside a JSON sample (objects and arrays included), root first. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]))
  return out
}

/** The sample body with one edit (replace a value, add a key, drop a key), as raw JSON text. */
function editBody(sample: unknown, path: (string | number)[], edit: 'replace' | 'add' | 'drop', key: string, raw: string): string {
  if (path.length === 0 && edit === 'replace') return raw
  const copy = structuredClone(sample ?? {}) as Record<string | number, unknown>
  let parent: any = copy
  for (const p of path.slice(0, -1)) parent = parent[p]
  const last = path[path.length - 1]
  const target: any = path.length ? parent[last] : copy
  if (edit === 'replace') parent[last] = PLACEHOLDER
  else if (edit === 'drop' && path.length) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1)
    else delete parent[last]
  } else if (target && typeof target === 'object') {
    if (Array.isArray(target)) target.push(PLACEHOLDER)
    else target[`${PLACEHOLDER}key`] = PLACEHOLDER
  } else parent[last] = PLACEHOLDER
  return JSON.stringify(copy)
    .replace(`"${PLACEHOLDER}key"`, JSON.stringify(key))
    .replace(`"${PLACEHOLDER}"`, () => raw)
}

async function requestArbitrary(api: MockApi, sample: EndpointSample): Promise<fc.Arbitrary<FuzzRequest>> {
  const routeParts = sample.route.split('/')
  const [basePath, baseQuery = ''] = sample.path.split('?')
  const pathParts = basePath.split('/')
  const paramIndexes = routeParts.flatMap((p, i) => (p.startsWith(':') ? [i] : []))
  const validBody = await sampleBody(api, sample)
  const jsonBody = validBody === undefined ? undefined : JSON.stringify(validBody)
  const hasBody = sample.method !== 'GET'
  const json = (body?: string): Record<string, string> => (body === undefined ? {} : { 'Content-Type': 'application/json' })
  const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path)
  const validUpload = sample.upload ? multipart([{ name: 'file', filename: 'photo.png', type: 'image/png', bytes: TINY_PNG }]) : undefined
  const validPayload = (): { headers: Record<string, string>; body?: string | Buffer } =>
    validUpload
      ? { headers: { 'Content-Type': validUpload.type }, body: validUpload.body }
      : sample.csv !== undefined
        ? { headers: { 'Content-Type': 'text/csv' }, body: sample.csv }
        : { headers: json(jsonBody), body: jsonBody }

  const arbitraries: { weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }[] = []

  // Path ids: each parameter kept or replaced (at least one replaced); also a stray trailing segment.
  if (paramIndexes.length) {
    arbitraries.push({
      weight: hasBody ? 3 : 5,
      arbitrary: fc
        .tuple(fc.array(fc.option(pathSegment, { nil: undefined }), { minLength: paramIndexes.length, maxLength: paramIndexes.length }), pathSegment, fc.nat(paramIndexes.length - 1))
        .map(([segments, fallback, forced]) => {
          const parts = [...pathParts]
          paramIndexes.forEach((idx, k) => {
            const seg = segments[k] ?? (k === forced ? fallback : undefined)
            if (seg !== undefined) parts[idx] = seg
          })
          return { kind: 'path', path: withQuery(parts.join('/'), baseQuery), ...validPayload() }
        }),
    })
  }

  // Query strings: the sample's with a value replaced, a parameter added or repeated, or a wholly made-up one.
  const sampleQuery = baseQuery ? baseQuery.split('&').map((kv) => kv.split('=') as [string, string]) : []
  arbitraries.push({
    weight: hasBody ? 1 : 5,
    arbitrary: fc
      .tuple(fc.constantFrom('replace', 'add', 'repeat', 'random'), fc.nat(), queryKey, queryValue, fc.array(fc.tuple(queryKey, queryValue), { maxLength: 5 }))
      .map(([how, pick, key, value, random]) => {
        let pairs = [...sampleQuery]
        if (how === 'replace' && pairs.length) pairs[pick % pairs.length] = [pairs[pick % pairs.length][0], value]
        else if (how === 'repeat' && pairs.length) pairs.push([pairs[pick % pairs.length][0], value])
        else if (how === 'random') pairs = random
        else pairs.push([key, value])
        return { kind: 'query', path: withQuery(basePath, pairs.map(([k, v]) => `${k}=${v}`).join('&')), ...validPayload() }
      }),
  })

  if (sample.csv !== undefined) {
    // The import: its lines with cells replaced by odd text, lines dropped or added, or bytes at random.
    const lines = sample.csv.split('\r\n').map((l) => l.split(','))
    arbitraries.push(
      {
        weight: 8,
        arbitrary: fc
          .tuple(fc.nat(lines.length - 1), fc.nat(11), fc.oneof(weirdString, fc.constantFrom('"', '""', '"a\nb"', '', ',,,', '单选', '多选', 'ACD', '0', '4')), fc.constantFrom('replace', 'drop', 'add'))
          .map(([row, cell, value, how]) => {
            const edited = lines.map((l) => [...l])
            if (how === 'drop') edited.splice(row, 1)
            else if (how === 'add') edited.push(edited[edited.length - 1].map((c, i) => (i === cell ? value : c)))
            else edited[row][cell % edited[row].length] = value
            return { kind: 'body', path: sample.path, headers: { 'Content-Type': 'text/csv' }, body: edited.map((l) => l.join(',')).join('\r\n') }
          }),
      },
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => ({ kind: 'body', path: sample.path, headers: { 'Content-Type': 'text/csv' }, body: Buffer.from(a) })) },
    )
  }

  if (hasBody && !sample.upload && sample.csv === undefined) {
    const paths = pathsOf(validBody ?? {})
    arbitraries.push(
      {
        weight: 8,
        arbitrary: fc
          .tuple(fc.nat(paths.length - 1), fc.constantFrom('replace', 'replace', 'replace', 'add', 'drop') as fc.Arbitrary<'replace' | 'add' | 'drop'>, fc.oneof(fc.constantFrom(...POLLUTION_KEYS), weirdString), rawJson)
          .map(([i, edit, key, raw]) => ({ kind: 'body', path: sample.path, headers: json(''), body: editBody(validBody, paths[i], edit, key, raw) })),
      },
      { weight: 2, arbitrary: rawJson.map((raw) => ({ kind: 'body', path: sample.path, headers: json(raw), body: raw })) },
      { weight: 1, arbitrary: invalidJsonText.map((raw) => ({ kind: 'body', path: sample.path, headers: json(raw), body: raw })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(nastyJson, fc.nat(paths.length - 1), fc.boolean())
          .map(([raw, i, whole]) => ({ kind: 'nasty', path: sample.path, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'fuzz-nasty' }, body: whole ? raw : editBody(validBody, paths[i], 'replace', '', raw) })),
      },
      {
        // One in 20 of these: a field a little over 1 MB (→ 413), or a body just under it; they are slow.
        weight: 1,
        arbitrary: fc.tuple(fc.nat(paths.length - 1), fc.constantFrom(MB - 200, MB + 1, 2 * MB), fc.nat(19), rawJson).map(([i, size, dice, raw]) => ({
          kind: dice === 0 ? 'huge' : 'body',
          path: sample.path,
          headers: json(''),
          body: editBody(validBody, paths[i], 'replace', '', dice === 0 ? JSON.stringify('长'.repeat(Math.floor(size / 3))) : raw),
        })),
      },
    )
  }

  if (sample.upload) {
    arbitraries.push({
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.oneof(fc.constant('file'), weirdString.filter((s) => !/["\r\n]/.test(s))),
          fc.oneof(fc.constantFrom('photo.png', 'a.jpg', '', '../../x.png', 'x.exe'), weirdString.filter((s) => !/["\r\n]/.test(s))),
          fc.constantFrom('image/png', 'image/jpeg', 'text/html', 'application/octet-stream', ''),
          fc.oneof(
            fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
            fc.constantFrom(TINY_PNG.subarray(0, 8), Buffer.concat([TINY_PNG.subarray(0, 8), Buffer.from('<?php')]), Buffer.from('GIF89a'), Buffer.from([0xff, 0xd8, 0xff])),
          ),
          fc.boolean(),
        )
        .map(([name, filename, type, bytes, twice]) => {
          const parts = [{ name, filename, type, bytes }]
          if (twice) parts.push({ name: 'file', filename: 'b.png', type: 'image/png', bytes: TINY_PNG })
          const m = multipart(parts)
          return { kind: 'upload', path: sample.path, headers: { 'Content-Type': m.type }, body: m.body }
        }),
    })
    arbitraries.push({
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=x', 'application/json', 'text/plain', ''), fc.uint8Array({ maxLength: 200 }))
        .map(([type, bytes]): FuzzRequest => ({ kind: 'upload', path: sample.path, headers: type ? { 'Content-Type': type } : {}, body: Buffer.from(bytes) })),
    })
  }

  // Headers: an over-long or empty Idempotency-Key, a wrong Content-Type.
  if (hasBody) {
    arbitraries.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('', 'k', 'x'.repeat(255), 'x'.repeat(256), 'x'.repeat(5000), '../../etc', '__proto__'), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16'))
        .map(([key, type]) => {
          const payload = validPayload()
          return { kind: 'headers', path: sample.path, headers: { ...payload.headers, 'Content-Type': sample.upload ? payload.headers['Content-Type']! : sample.csv !== undefined ? type.replace('application/json', 'text/csv') : type, 'Idempotency-Key': key }, body: payload.body }
        }),
    })
  }
  return fc.oneof(...arbitraries)
}

/** A multipart/form-data body. */
function multipart(parts: { name: string; filename: string; type: string; bytes: Buffer }[]): { type: string; body: Buffer } {
  const boundary = '----zhishutong-fuzz-7MA4YWxkTrZu0gW'
  const chunks: Buffer[] = []
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`))
    chunks.push(p.bytes, Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) }
}

type Answer = { status: number; contentType: string; text: string }

function send(method: string, req: FuzzRequest, token: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers, Authorization: `Bearer ${token}` }
    const body = req.body === undefined ? undefined : Buffer.from(req.body as string)
    if (body) headers['Content-Length'] = body.length
    const r = http.request({ host: '127.0.0.1', port, path: `/api${req.path}`, method, headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    r.on('error', reject)
    r.end(body)
  })
}

/** What a refused request must answer: a JSON error body of the contract. */
function checkAnswer(req: FuzzRequest, answer: Answer): void {
  const where = `${req.kind} ${req.path.slice(0, 200)} → ${answer.status} ${answer.text.slice(0, 300)}`
  if (answer.status >= 500) throw new Error(`5xx: ${where}`)
  if (answer.status >= 400) {
    if (!answer.contentType.includes('application/json')) throw new Error(`error answer without JSON: ${where}`)
    if (!apiErrorBodySchema.safeParse(JSON.parse(answer.text)).success) throw new Error(`error body off the contract: ${where}`)
  }
}

/** A digest of everything stored (computed in the database: equal digests, same store). */
const snapshot = (): Promise<string> => api.mock.write((tx) => fingerprint(tx))
/** Whether two digests are of the same store. */
const sameStore = (a: string, b: string): boolean => a === b
/** Keeps a copy of the store, in the database, to go back to. */
const keep = (): Promise<void> => api.mock.write((tx) => saveSnapshot(tx, 'fuzz'))
/** Goes back to the copy that `keep` took. */
const goBack = (): Promise<void> => api.mock.write((tx) => restoreSnapshot(tx, 'fuzz'))

describe('fuzzing every endpoint', () => {
  it.each(ENDPOINT_SAMPLES.map((s) => [routeKey(s), s] as const))('should never answer %s with a 5xx nor store anything from a refusal', async (key, sample) => {
    const started = Date.now()
    await resetFor(api, sample)
    const caller = sample.expect.secretary < 300 ? sample.owner ?? 'u-s01' : 'u-o1'
    const token = `token-${caller}`
    const figure = { endpoint: key, requests: 0, refused: 0, succeeded: 0, replays: 0, ms: 0 }
    const isGet = sample.method === 'GET'
    let carried: string | undefined
    const size = isGet ? CHUNK.read : CHUNK.write
    const runs = isGet ? RUNS.read : RUNS.write
    await fc.assert(
      fc.asyncProperty(fc.array(await requestArbitrary(api, sample), { minLength: size, maxLength: size }), async (chunk) => {
        // A successful logout in an earlier chunk may have ended the caller's session.
        await api.mock.write(async (tx) => {
          await deleteSession(tx, token)
          await insertSession(tx, token, { userId: caller, createdAt: api.mock.clock.now() })
        })
        // The snapshot that closed the previous chunk still holds when nothing happened since.
        // It also means the copy kept for that chunk is still the store as it is.
        const unchanged = carried !== undefined
        const before = carried ?? (await snapshot())
        carried = undefined
        if (!isGet && !unchanged) await keep()
        const answers = await Promise.all(chunk.map((req) => send(sample.method, req, token)))
        figure.requests += chunk.length
        answers.forEach((a, i) => checkAnswer(chunk[i], a))
        const refused = answers.filter((a) => a.status >= 400).length
        figure.refused += refused
        figure.succeeded += chunk.length - refused
        if (isGet || refused === chunk.length) {
          const after = await snapshot()
          if (!sameStore(after, before)) throw new Error(`a refused request (or a GET) changed the store: ${chunk.map((r) => r.kind).join(',')}`)
          carried = after
          return
        }
        // Some succeeded and moved the store on: put it back and send the refused ones again, together.
        // If they are all refused again, one comparison settles them; if some now pass (they had been
        // refused because of a success, e.g. after a logout), go through the rest one at a time.
        const suspects = chunk.filter((_, i) => answers[i].status >= 400)
        await goBack()
        figure.replays += suspects.length
        let previous = await snapshot()
        const again = await Promise.all(suspects.map((req) => send(sample.method, req, token)))
        again.forEach((a, i) => checkAnswer(suspects[i], a))
        const label = (r: FuzzRequest) => `${r.kind} ${r.path.slice(0, 200)} ${String(r.body).slice(0, 200)}`
        if (again.every((a) => a.status >= 400)) {
          const now = await snapshot()
          if (!sameStore(now, previous) && !sameStore(now, before)) throw new Error(`a refused request changed the store: ${suspects.map(label).join(' | ')}`)
          return
        }
        await goBack()
        previous = await snapshot()
        for (const req of suspects) {
          figure.replays += 1
          const answer = await send(sample.method, req, token)
          checkAnswer(req, answer)
          const now = await snapshot()
          if (answer.status >= 400 && !sameStore(now, previous)) {
            throw new Error(`a refused request changed the store: ${label(req)} → ${answer.status} ${answer.text.slice(0, 200)}`)
          }
          previous = now
        }
      }),
      { numRuns: runs, endOnFailure: true },
    )
    figure.ms = Date.now() - started
    figures.push(figure)
    expect(figure.requests).toBeGreaterThanOrEqual(1000)
  })

  it('should leave Object.prototype unpolluted', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(pollutionBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.toString.call({})).toBe('[object Object]')
  })
})
