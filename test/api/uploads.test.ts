import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UPLOAD_MAX_BYTES, uploadUrlSchema } from '@/api/contract/upload'
import { createClock } from '../../mock/clock'
import { createMockServer } from '../../mock/server'
import { TINY_PNG, uploadFile } from '../support/commitments'
import { PINNED_NOW, organiserPhone, secretaryPhone, startMockApi, type MockApi } from '../support/mock-api'

let api: MockApi
let secretary: string
beforeAll(async () => {
  api = await startMockApi()
  secretary = await api.login(secretaryPhone(1))
})
afterAll(() => api.close())

const origin = () => api.base.replace(/\/api$/, '')
/** GET of an upload URL without any token, as `<Image src>` does. */
const fetchUpload = async (url: string) => {
  const res = await fetch(url)
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) }
}
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])
const WEBP_HEAD = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')])

describe('POST /uploads', () => {
  it('should refuse a caller who is not signed in with 401', async () => {
    const res = await uploadFile(api, undefined, TINY_PNG, { filename: 'a.png', type: 'image/png' })
    expect(res.status).toBe(401)
    expect((await api.mock.state()).uploads.filter((u) => u.ownerId !== 'u-s05')).toHaveLength(0)
  })

  it('should accept a real PNG, answer 201 with an absolute unguessable URL and serve it back without auth', async () => {
    const res = await uploadFile(api, secretary, TINY_PNG, { filename: '进展.png', type: 'image/png' })
    expect(res.status).toBe(201)
    expect(uploadUrlSchema.safeParse(res.body.url).success).toBe(true)
    expect(res.body.url.startsWith(`${origin()}/uploads/`)).toBe(true)
    expect(res.body.url).toMatch(/\.png$/)
    const served = await fetchUpload(res.body.url)
    expect(served.status).toBe(200)
    expect(served.type).toBe('image/png')
    expect(served.bytes.equals(TINY_PNG)).toBe(true)
  })

  it('should give every upload a different name, also for the same bytes', async () => {
    const a = await uploadFile(api, secretary, TINY_PNG, { filename: 'a.png' })
    const b = await uploadFile(api, secretary, TINY_PNG, { filename: 'a.png' })
    expect(a.body.url).not.toBe(b.body.url)
  })

  it('should type a file by its bytes: a JPEG named .png is stored and served as JPEG, a WebP as WebP', async () => {
    const jpeg = Buffer.concat([JPEG_HEAD, Buffer.alloc(200, 7)])
    const asJpeg = await uploadFile(api, secretary, jpeg, { filename: 'photo.png', type: 'image/png' })
    expect(asJpeg.status).toBe(201)
    expect(asJpeg.body.url).toMatch(/\.jpg$/)
    expect((await fetchUpload(asJpeg.body.url)).type).toBe('image/jpeg')
    const webp = await uploadFile(api, secretary, Buffer.concat([WEBP_HEAD, Buffer.alloc(64, 1)]), { filename: 'x.bin' })
    expect(webp.status).toBe(201)
    expect(webp.body.url).toMatch(/\.webp$/)
    expect((await fetchUpload(webp.body.url)).type).toBe('image/webp')
  })

  it('should refuse a renamed text file (.jpg name, image/jpeg type, text bytes) with 400 UNSUPPORTED_FILE and store nothing', async () => {
    const before = (await api.mock.state()).uploads.length
    const res = await uploadFile(api, secretary, Buffer.from('这不是图片，只是一段文字。\n'), { filename: 'photo.jpg', type: 'image/jpeg' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('UNSUPPORTED_FILE')
    expect((await api.mock.state()).uploads).toHaveLength(before)
  })

  it('should refuse an empty file and a file that only starts like an image', async () => {
    expect((await uploadFile(api, secretary, Buffer.alloc(0))).body.error.code).toBe('UNSUPPORTED_FILE')
    expect((await uploadFile(api, secretary, Buffer.from([0xff, 0xd8]))).body.error.code).toBe('UNSUPPORTED_FILE')
    expect((await uploadFile(api, secretary, Buffer.from('RIFF\0\0\0\0AVI LIST'))).body.error.code).toBe('UNSUPPORTED_FILE')
  })

  it('should refuse 5 MB + 1 byte with 413 PAYLOAD_TOO_LARGE and accept exactly 5 MB', async () => {
    const before = (await api.mock.state()).uploads.length
    const over = Buffer.concat([JPEG_HEAD, Buffer.alloc(UPLOAD_MAX_BYTES + 1 - JPEG_HEAD.length, 1)])
    const refused = await uploadFile(api, secretary, over, { filename: 'big.jpg', type: 'image/jpeg' })
    expect(refused.status).toBe(413)
    expect(refused.body.error.code).toBe('PAYLOAD_TOO_LARGE')
    expect((await api.mock.state()).uploads).toHaveLength(before)
    const exact = await uploadFile(api, secretary, over.subarray(0, UPLOAD_MAX_BYTES), { filename: 'big.jpg', type: 'image/jpeg' })
    expect(exact.status).toBe(201)
  })

  it('should refuse a body far over the limit with 413 without keeping it', async () => {
    const huge = Buffer.concat([JPEG_HEAD, Buffer.alloc(UPLOAD_MAX_BYTES * 2, 1)])
    const res = await uploadFile(api, secretary, huge, { filename: 'huge.jpg' })
    expect(res.status).toBe(413)
  })

  it('should refuse a body without a file field or with another field (400), and one not multipart (415)', async () => {
    const other = await uploadFile(api, secretary, TINY_PNG, { field: 'photo' })
    expect(other.status).toBe(400)
    expect(other.body.error.fields).toHaveProperty('photo')
    const extra = await uploadFile(api, secretary, TINY_PNG, { extra: { note: 'x' } })
    expect(extra.status).toBe(400)
    expect(extra.body.error.fields).toHaveProperty('note')
    // v1.1: a body that is not multipart is refused by its media type.
    const json = await api.call('POST', '/uploads', { token: secretary, body: { file: 'iVBORw0KGgo=' } })
    expect(json.status).toBe(415)
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('should build the URL from X-Forwarded-Host only behind a configured proxy (MOCK_TRUST_PROXY)', async () => {
    const headers = { 'X-Forwarded-Host': 'zhishutong.example.cn:8443' }
    const untrusted = await uploadFile(api, secretary, TINY_PNG, { headers })
    expect(untrusted.body.url.startsWith(api.base.replace(/\/api$/, '') + '/uploads/')).toBe(true)
    await api.close()
    api = await startMockApi(undefined, { trustProxy: true })
    secretary = await api.login(secretaryPhone(1))
    const res = await uploadFile(api, secretary, TINY_PNG, { headers })
    expect(res.status).toBe(201)
    expect(res.body.url).toMatch(/^http:\/\/zhishutong\.example\.cn:8443\/uploads\/[A-Za-z0-9_-]{16,64}\.png$/)
  })

  it('should answer a replay with the same Idempotency-Key and file with the first URL, storing one file', async () => {
    const organiser = await api.login(organiserPhone(1))
    const headers = { 'Idempotency-Key': 'upload-replay-1' }
    const first = await uploadFile(api, organiser, TINY_PNG, { headers, filename: 'a.png' })
    const count = (await api.mock.state()).uploads.length
    const again = await uploadFile(api, organiser, TINY_PNG, { headers, filename: 'a.png' })
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect((await api.mock.state()).uploads).toHaveLength(count)
    const other = await uploadFile(api, organiser, Buffer.concat([TINY_PNG, Buffer.from([0])]), { headers, filename: 'a.png' })
    expect(other.status).toBe(422)
  })
})

describe('POST /uploads multipart parsing', () => {
  const raw = (body: Buffer, contentType: string) =>
    fetch(`${api.base}/uploads`, { method: 'POST', body: new Uint8Array(body), headers: { Authorization: `Bearer ${secretary}`, 'Content-Type': contentType } })
  const part = (boundary: string, data: Buffer, disposition = 'form-data; name="file"; filename="a;b.png"') =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: image/png\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)])

  it('should read a quoted boundary, a preamble and a file whose bytes contain a boundary look-alike', async () => {
    const data = Buffer.concat([TINY_PNG, Buffer.from('\r\n--not-the-boundary\r\n')])
    const body = Buffer.concat([Buffer.from('preamble to ignore\r\n'), part('b0und:ary', data)])
    const res = await raw(body, 'multipart/form-data; boundary="b0und:ary"')
    expect(res.status).toBe(201)
    const { url } = await res.json()
    expect((await fetchUpload(url)).bytes.equals(data)).toBe(true)
  })

  it('should refuse a body cut short, a part without a name and a missing boundary with 400', async () => {
    const whole = part('xyz', TINY_PNG)
    expect((await raw(whole.subarray(0, whole.length - 12), 'multipart/form-data; boundary=xyz')).status).toBe(400)
    expect((await raw(part('xyz', TINY_PNG, 'form-data; filename="a.png"'), 'multipart/form-data; boundary=xyz')).status).toBe(400)
    expect((await raw(whole, 'multipart/form-data')).status).toBe(400)
    // v1.1: not multipart at all is a media-type refusal.
    expect((await raw(whole, 'image/png')).status).toBe(415)
  })
})

describe('GET /uploads/:name', () => {
  it('should answer 404 for a name that was never uploaded and for a path outside the folder', async () => {
    expect((await fetchUpload(`${origin()}/uploads/AAAAAAAAAAAAAAAAAAAAAAAA.png`)).status).toBe(404)
    expect((await fetchUpload(`${origin()}/uploads/..%2Fpackage.json`)).status).toBe(404)
  })

  it('should serve the seeded progress photos as PNG', async () => {
    const name = (await api.mock.state()).uploads.find((u) => u.ownerId === 'u-s05')!.name
    const served = await fetchUpload(`${origin()}/uploads/${name}`)
    expect(served.status).toBe(200)
    expect(served.type).toBe('image/png')
    expect(served.bytes.subarray(0, 8).equals(TINY_PNG.subarray(0, 8))).toBe(true)
  })
})

describe('uploads with MOCK_DATA_DIR', () => {
  it('should keep uploaded files next to the database and serve them after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zst-data-'))
    const start = async () => {
      const mock = createMockServer({ dataDir: dir, clock: createClock(Date.parse(PINNED_NOW)), testRoutes: true })
      return { mock, base: await mock.listen(0) }
    }
    const first = await start()
    const login = await fetch(`${first.base}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: secretaryPhone(1), code: '123456' }),
    })
    const { token } = await login.json()
    const res = await uploadFile({ ...api, base: first.base }, token, TINY_PNG, { filename: 'a.png' })
    expect(res.status).toBe(201)
    const name = res.body.url.split('/').pop()
    expect(existsSync(join(dir, 'uploads', name))).toBe(true)
    await first.mock.close()

    const second = await start()
    const served = await fetchUpload(`${second.base.replace(/\/api$/, '')}/uploads/${name}`)
    expect(served.status).toBe(200)
    expect(served.bytes.equals(TINY_PNG)).toBe(true)
    await second.mock.close()
    expect(existsSync(join(dir, 'uploads', name))).toBe(true)
  })
})
