import { HttpError, validationFailed } from './http'

/** One part of a multipart/form-data body. */
export type FormPart = { name: string; filename?: string; contentType?: string; data: Buffer }

/** A parsed multipart/form-data body: its parts in order. */
export type MultipartBody = { parts: FormPart[] }

const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')

/** The boundary of a `multipart/form-data; boundary=…` Content-Type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType.trim())) return null
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType)
  return m ? (m[1] ?? m[2]) : null
}

/** `name="file"; filename="a.jpg"` → the parameters of a Content-Disposition header (quoted strings unescaped). */
function dispositionParams(value: string): Record<string, string> {
  const params: Record<string, string> = {}
  const re = /;\s*([A-Za-z*]+)=(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g
  for (let m = re.exec(value); m; m = re.exec(value)) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]
  }
  return params
}

const malformed = () => validationFailed({ file: '上传内容格式不正确，请重新选择图片上传' })

/**
 * Parses a multipart/form-data body (RFC 7578): the parts between `--boundary` lines, each with its
 * headers. Anything malformed is a 400 VALIDATION_FAILED; nothing is decoded beyond what a form sends.
 */
export function parseMultipart(raw: Buffer, contentType: string | undefined): MultipartBody {
  const boundary = multipartBoundary(contentType)
  if (!boundary) {
    throw new HttpError(400, 'VALIDATION_FAILED', '请用 multipart/form-data 上传文件', { file: '请用 multipart/form-data 上传文件' })
  }
  const delimiter = Buffer.from(`--${boundary}`)
  let at = raw.indexOf(delimiter)
  if (at < 0) throw malformed()
  const parts: FormPart[] = []
  for (;;) {
    at += delimiter.length
    // `--boundary--` closes the body.
    if (raw[at] === 0x2d && raw[at + 1] === 0x2d) break
    if (!raw.subarray(at, at + 2).equals(CRLF)) throw malformed()
    at += 2
    const headerEnd = raw.indexOf(HEADER_END, at)
    if (headerEnd < 0) throw malformed()
    const headers: Record<string, string> = {}
    for (const line of raw.subarray(at, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':')
      if (colon <= 0) throw malformed()
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
    }
    const next = raw.indexOf(Buffer.concat([CRLF, delimiter]), headerEnd + 4)
    if (next < 0) throw malformed()
    const disposition = headers['content-disposition'] ?? ''
    if (!/^form-data\s*(;|$)/i.test(disposition)) throw malformed()
    const params = dispositionParams(disposition)
    if (params.name === undefined) throw malformed()
    parts.push({
      name: params.name,
      ...(params.filename !== undefined ? { filename: params.filename } : {}),
      ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
      data: raw.subarray(headerEnd + 4, next),
    })
    at = next + 2
  }
  return { parts }
}

/** The image types an upload may be, told apart by their first bytes (magic numbers), never by name. */
export type ImageType = { mime: 'image/jpeg' | 'image/png' | 'image/webp'; ext: 'jpg' | 'png' | 'webp' }

/** The image type of a file from its bytes: JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, WebP "RIFF"????"WEBP"; else null. */
export function sniffImage(data: Buffer): ImageType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' }
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { mime: 'image/png', ext: 'png' }
  }
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') {
    return { mime: 'image/webp', ext: 'webp' }
  }
  return null
}
