import { ApiError, messageForCode } from '@/api/api-error'
import { apiErrorBodySchema } from '@/api/contract/common'

/** What a file download hands to the platform code: where, with which header, saved under which name. */
export type CsvDownload = { url: string; header: Record<string, string>; fileName: string }

/** The ApiError of a download that answered `status` with `text` (the API's JSON error body, if any). */
export function downloadError(status: number, text: string): ApiError {
  let data: unknown = null
  try {
    data = JSON.parse(text)
  } catch {
    // Not JSON: a proxy's error page; the status says enough.
  }
  const body = apiErrorBodySchema.safeParse(data)
  const code = body.success ? body.data.error.code : status === 401 ? 'UNAUTHORIZED' : status >= 500 ? 'INTERNAL' : `HTTP_${status}`
  return new ApiError({ kind: 'http', status, code, message: messageForCode(code, body.success ? body.data.error.message : undefined) })
}

/** A file name without characters file systems refuse, ending in `.csv` (`fallback` for an empty title). */
export function csvFileName(title: string, fallback = '名单'): string {
  const base = title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40) || fallback
  return `${base}.csv`
}
