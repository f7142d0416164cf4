import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { createGzip } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt'])

/**
 * The Content-Security-Policy of a page (API.md v1.1): only this origin's scripts, plus the page's own
 * inline scripts by hash (Taro's index.html sizes the root font inline); inline styles are allowed
 * because Taro's components set style attributes. No framing, no plugins, no foreign forms.
 */
export function contentSecurityPolicy(inlineScripts: readonly string[]): string {
  const hashes = inlineScripts.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`)
  return [
    "default-src 'self'",
    `script-src 'self'${hashes.length ? ' ' + hashes.join(' ') : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Taro's H5 uploadFile reads the picked file back from its blob: URL with XHR.
    "connect-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** The inline scripts of an HTML page (no `src`), exactly as the browser hashes them. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).filter((code) => code.length > 0)
}

/** Security headers of every static answer; pages add their CSP. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}
const policies = new Map<string, { mtimeMs: number; csp: string }>()
async function policyOf(file: string, mtimeMs: number): Promise<string> {
  const known = policies.get(file)
  if (known && known.mtimeMs === mtimeMs) return known.csp
  const csp = contentSecurityPolicy(inlineScriptsOf(await readFile(file, 'utf8')))
  policies.set(file, { mtimeMs, csp })
  return csp
}

/** Serves the built H5 app: files by path, index.html for anything else; hashed assets cached for a year. */
export async function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let rel: string
  try {
    rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '')
  } catch {
    rel = ''
  }
  let file = join(root, rel)
  if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) file = join(root, 'index.html')
  let info = await stat(file).catch(() => null)
  if (!info || info.isDirectory()) {
    file = join(root, 'index.html')
    info = await stat(file).catch(() => null)
  }
  if (!info) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('没有找到 H5 构建产物：请先运行 npm run build:h5')
    return
  }
  const ext = extname(file)
  const hashed = /\.[0-9a-f]{8}\./.test(file)
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...(ext === '.html' ? { 'Content-Security-Policy': await policyOf(file, info.mtimeMs) } : {}),
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  }
  const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  if (gzip) headers['Content-Encoding'] = 'gzip'
  else headers['Content-Length'] = String(info.size)
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(file)
  ;(gzip ? stream.pipe(createGzip()) : stream).pipe(res)
}
