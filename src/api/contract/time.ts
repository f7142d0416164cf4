/** China Standard Time offset (UTC+8, no daylight saving) in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000

/** Formats an instant as ISO 8601 in China time, the form every answer uses: `2027-03-21T09:00:00+08:00`. */
export function toChinaIso(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19) + '+08:00'
}

/** Start of the China-time day that contains the instant, as epoch ms. */
export function chinaDayStart(epochMs: number): number {
  const day = 24 * 60 * 60 * 1000
  return Math.floor((epochMs + CHINA_OFFSET_MS) / day) * day - CHINA_OFFSET_MS
}
