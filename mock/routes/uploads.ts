import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { UPLOAD_MAX_BYTES, uploadResultSchema } from '../../src/api/contract/upload'
import { HttpError, limited, validationFailed } from '../http'
import { sniffImage, type MultipartBody } from '../multipart'
import { findUpload, insertUpload, uploadUsage } from '../repos/uploads'
import type { Tx } from '../repos/tx'
import type { Route } from '../router'
import { seedImage } from '../seed-images'
import { publicOrigin, UPLOAD_NAME } from '../uploads-rules'

/** Room for the multipart framing around a file of UPLOAD_MAX_BYTES (boundaries, part headers). */
const MULTIPART_OVERHEAD = 64 * 1024
/** Per user: at most this many uploads in any 24 hours, and this many bytes kept in all. */
export const UPLOADS_PER_DAY = 100
export const UPLOAD_TOTAL_BYTES = 500 * 1024 * 1024
const UPLOAD_DAY_MS = 24 * 60 * 60 * 1000

/** POST /uploads: photos for progress reports, typed by their bytes and served back from /uploads/. */
export const uploadRoutes: Route[] = [
  {
    method: 'POST',
    path: '/uploads',
    access: 'any',
    idempotent: true,
    upload: { limit: UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD },
    doc: {
      summary: 'Upload a photo (multipart/form-data field `file`; JPEG/PNG/WebP by content, ≤ 5 MB) → its absolute URL',
      response: uploadResultSchema,
      status: 201,
    },
    async handle({ tx, clock, req, body, user, uploadDir }) {
      const { parts } = body as MultipartBody
      const unknown = parts.filter((p) => p.name !== 'file')
      if (unknown.length) throw validationFailed(Object.fromEntries(unknown.map((p) => [p.name, '不支持的字段'])))
      const files = parts.filter((p) => p.name === 'file')
      if (files.length !== 1) throw validationFailed({ file: files.length ? '一次只能上传一张图片' : '请选择要上传的图片' })
      const { data } = files[0]
      if (data.length > UPLOAD_MAX_BYTES) {
        throw new HttpError(413, 'PAYLOAD_TOO_LARGE', '图片太大了（上限 5 MB），请压缩后再上传')
      }
      const type = sniffImage(data)
      if (!type) throw new HttpError(400, 'UNSUPPORTED_FILE', '只能上传 JPG、PNG 或 WebP 格式的图片')
      // API.md v1.1 quotas: 100 uploads a day and 500 MB in all per user.
      const now = clock.now()
      const usage = await uploadUsage(tx, user.id, now - UPLOAD_DAY_MS)
      if (usage.recent >= UPLOADS_PER_DAY) {
        throw limited('UPLOAD_QUOTA', `今天上传的图片已达 ${UPLOADS_PER_DAY} 张，请明天再传`, (usage.oldestRecent ?? now) + UPLOAD_DAY_MS - now)
      }
      if (usage.totalBytes + data.length > UPLOAD_TOTAL_BYTES) {
        throw limited('UPLOAD_QUOTA', '您上传的图片已满 500 MB，不能再上传；如需更多空间请联系组织部门', UPLOAD_DAY_MS)
      }
      const name = `${randomBytes(18).toString('base64url')}.${type.ext}`
      const dir = uploadDir()
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, name), data)
      await insertUpload(tx, { name, mime: type.mime, bytes: data.length, ownerId: user.id, createdAt: now })
      return { status: 201, body: { url: `${publicOrigin(req)}/uploads/${name}` } }
    },
  },
]

/**
 * GET /uploads/<name>: an uploaded file, without auth (its name is unguessable), or 404. Async: it
 * reads the upload's record through the repository; the store itself may be passed as `tx`.
 */
export async function serveUpload(tx: Tx, uploadDir: () => string, path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const name = path.slice('/uploads/'.length)
  const record = UPLOAD_NAME.test(name) ? await findUpload(tx, name) : undefined
  let data: Buffer | null = null
  if (record) {
    data = seedImage(name)
    if (!data) {
      try {
        data = readFileSync(join(uploadDir(), name))
      } catch {
        data = null
      }
    }
  }
  if (!record || !data) {
    const body = JSON.stringify({ error: { code: 'NOT_FOUND', message: '没有找到这张图片' } })
    res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) })
    res.end(body)
    return
  }
  res.writeHead(200, {
    'Content-Type': record.mime,
    'Content-Length': String(data.length),
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(req.method === 'HEAD' ? undefined : data)
}
