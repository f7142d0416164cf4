import { rosterCsvRequest } from '@/api/roster'
import { saveCsvFile } from '@/api/platform/export-file'

/**
 * Downloads the roster as CSV (GET /events/:id/registrations.csv) and hands it to the user: a file
 * download on H5, 发送给朋友 / open on weapp. Rejects with an ApiError.
 */
export function exportRoster(eventId: string, fileName: string) {
  return saveCsvFile({ ...rosterCsvRequest(eventId), fileName })
}
