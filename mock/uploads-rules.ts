import type { IncomingMessage } from 'node:http'
import { findUpload } from './repos/uploads'
import type { Tx } from './repos/tx'

// Rules of uploaded files shared by the upload and commitment routes.

/** A stored file's name under /uploads/: 24 random URL-safe characters and the type's extension. */
export const UPLOAD_NAME = /^[A-Za-z0-9_-]{16,64}\.(jpg|png|webp)$/

/** The stored name an upload URL points at (`…/uploads/<name>`), or null when it is not one of ours. */
export function uploadNameOf(url: string): string | null {
  const m = /\/uploads\/([^/?#]+)$/.exec(url)
  return m && UPLOAD_NAME.test(m[1]) ? m[1] : null
}

/**
 * Whether a URL points at a file `ownerId` uploaded to this server (whatever host it was reached by):
 * a photo field takes only the caller's own uploads (API.md v1.1), so nobody attaches another's photo.
 */
export async function isOwnUpload(tx: Tx, url: string, ownerId: string): Promise<boolean> {
  const name = uploadNameOf(url)
  if (name === null) return false
  return (await findUpload(tx, name))?.ownerId === ownerId
}

/** The origin the caller reached us by: X-Forwarded-Host/-Proto (behind a trusted proxy: the server drops them otherwise) or Host. */
export function publicOrigin(req: IncomingMessage): string {
  const first = (value: string | string[] | undefined) => String(Array.isArray(value) ? value[0] : (value ?? '')).split(',')[0].trim()
  const host = first(req.headers['x-forwarded-host']) || first(req.headers.host) || '127.0.0.1'
  const proto = first(req.headers['x-forwarded-proto']) === 'https' ? 'https' : 'http'
  // A host header is the only caller-controlled part of the URL: keep it to host[:port] characters.
  return `${proto}://${/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : '127.0.0.1'}`
}
