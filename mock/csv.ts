// RFC 4180 CSV for spreadsheets that organisers open in Excel or WPS.

const NEEDS_QUOTES = /[",\r\n]/
// A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/

/** One cell: a leading formula character is defused with `'`; quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Rows joined with CRLF, UTF-8 with a BOM so that Excel reads the Chinese; no line break after the last row. */
export function toCsv(rows: string[][]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n')
}

const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** Headers of a CSV download: an ASCII file name for old clients, the Chinese one in RFC 5987 form. */
export function csvDownloadHeaders(asciiName: string, chineseName: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(chineseName)}`,
  }
}
