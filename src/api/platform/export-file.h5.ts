import { ApiError } from '@/api/api-error'
import { downloadError, type CsvDownload } from '../csv-download'

/** H5: fetches the CSV with the bearer token and saves it through a download link; the bytes (BOM included) are kept as sent. */
export async function saveCsvFile({ url, header, fileName }: CsvDownload): Promise<void> {
  let response: Response
  try {
    response = await fetch(url, { headers: header })
  } catch {
    throw new ApiError({ kind: 'network' })
  }
  if (!response.ok) throw downloadError(response.status, await response.text().catch(() => ''))
  const blob = await response.blob()
  const href = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 30_000)
}
