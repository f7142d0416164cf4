import { CHINA_OFFSET_MS } from './calendar'

// ISO 8601 in China time, the form every answer uses. Part of ../time.ts, kept apart from the calendar fields:
// 首页's first load needs only those, not this module's cache.

// The mock formats the same few hundred instants (event times, sign-up times) for every list it answers: under
// load, formatting was a fifth of its CPU time. Remembered up to a bound, then forgotten all at once.
const ISO_REMEMBERED = 4096
const isoOf = new Map<number, string>()

/** Formats an instant as ISO 8601 in China time, the form every answer uses: `2027-03-21T09:00:00+08:00`. */
export function toChinaIso(epochMs: number): string {
  let iso = isoOf.get(epochMs)
  if (iso === undefined) {
    iso = new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 19) + '+08:00'
    if (isoOf.size >= ISO_REMEMBERED) isoOf.clear()
    isoOf.set(epochMs, iso)
  }
  return iso
}

/** `YYYY-MM-DD` of an instant (epoch ms or ISO) in China time. */
export function chinaDate(value: string | number): string {
  return toChinaIso(typeof value === 'number' ? value : Date.parse(value)).slice(0, 10)
}
