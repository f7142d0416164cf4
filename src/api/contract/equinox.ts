import { CHINA_OFFSET_MS } from './time/calendar'

// The March (spring) equinox, 春分, after Jean Meeus, "Astronomical Algorithms" (2nd ed., 1998),
// chapter 27: a mean equinox from a polynomial in the year (table 27.B, years 1000–3000), corrected
// by the 24 periodic terms of table 27.C. The result is in dynamical time (TD); ΔT (Espenak & Meeus,
// "Five Millennium Canon of Solar Eclipses", 2006) turns it into universal time. Good to about a
// minute for 1951–2050 (Meeus) and a few minutes to 2150; ΔT of the far future is a guess.

const DEG = Math.PI / 180
const J2000 = 2451545.0
/** Julian day of the Unix epoch, 1970-01-01T00:00Z. */
const JD_UNIX_EPOCH = 2440587.5
const DAY_MS = 86_400_000

/** First and last year the method covers (table 27.B). */
export const EQUINOX_YEAR_MIN = 1000
export const EQUINOX_YEAR_MAX = 3000

// Table 27.C: A, B (degrees), C (degrees per Julian century).
const PERIODIC_TERMS: readonly (readonly [number, number, number])[] = [
  [485, 324.96, 1934.136],
  [203, 337.23, 32964.467],
  [199, 342.08, 20.186],
  [182, 27.85, 445267.112],
  [156, 73.14, 45036.886],
  [136, 171.52, 22518.443],
  [77, 222.54, 65928.934],
  [74, 296.72, 3034.906],
  [70, 243.58, 9037.513],
  [58, 119.81, 33718.147],
  [52, 297.17, 150.678],
  [50, 21.02, 2281.226],
  [45, 247.54, 29929.562],
  [44, 325.15, 31555.956],
  [29, 60.93, 4443.417],
  [18, 155.12, 67555.328],
  [17, 288.79, 4562.452],
  [16, 198.04, 62894.029],
  [14, 199.76, 31436.921],
  [12, 95.39, 14577.848],
  [12, 287.11, 31931.756],
  [12, 320.81, 34777.259],
  [9, 227.73, 1222.114],
  [8, 15.45, 16859.074],
]

/** Horner evaluation of c0 + c1·x + c2·x² + … */
function poly(x: number, coefficients: readonly number[]): number {
  return coefficients.reduceRight((sum, c) => sum * x + c, 0)
}

/** Julian Ephemeris Day (TD) of the March equinox of `year` (Meeus 27.B + 27.C). */
export function marchEquinoxJde(year: number): number {
  const y = (year - 2000) / 1000
  const jde0 = poly(y, [2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057])
  const t = (jde0 - J2000) / 36525
  const w = (35999.373 * t - 2.47) * DEG
  const deltaLambda = 1 + 0.0334 * Math.cos(w) + 0.0007 * Math.cos(2 * w)
  const s = PERIODIC_TERMS.reduce((sum, [a, b, c]) => sum + a * Math.cos((b + c * t) * DEG), 0)
  return jde0 + (0.00001 * s) / deltaLambda
}

/** ΔT = TD − UT in seconds at the decimal year `y` (Espenak & Meeus 2006: polynomials for 500–2150, a parabola outside). */
export function deltaTSeconds(y: number): number {
  if (y >= 2150 || y < 500) return -20 + 32 * ((y - 1820) / 100) ** 2
  if (y >= 2050) return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)
  if (y >= 2005) return poly(y - 2000, [62.92, 0.32217, 0.005589])
  if (y >= 1986) return poly(y - 2000, [63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599])
  if (y >= 1961) return poly(y - 1975, [45.45, 1.067, -1 / 260, -1 / 718])
  if (y >= 1941) return poly(y - 1950, [29.07, 0.407, -1 / 233, 1 / 2547])
  if (y >= 1920) return poly(y - 1920, [21.2, 0.84493, -0.0761, 0.0020936])
  if (y >= 1900) return poly(y - 1900, [-2.79, 1.494119, -0.0598939, 0.0061966, -0.000197])
  if (y >= 1860) return poly(y - 1860, [7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1 / 233174])
  if (y >= 1800) return poly(y - 1800, [13.72, -0.332447, 0.0068612, 0.0041116, -0.00037436, 0.0000121272, -0.0000001699, 0.000000000875])
  if (y >= 1700) return poly(y - 1700, [8.83, 0.1603, -0.0059285, 0.00013336, -1 / 1174000])
  if (y >= 1600) return poly(y - 1600, [120, -0.9808, -0.01532, 1 / 7129])
  return poly((y - 1000) / 100, [1574.2, -556.01, 71.23472, 0.319781, -0.8503463, -0.005050998, 0.0083572073])
}

/** The instant (epoch ms, UT) of the March equinox of `year`; throws RangeError outside 1000–3000. */
export function springEquinoxInstant(year: number): number {
  if (!Number.isInteger(year) || year < EQUINOX_YEAR_MIN || year > EQUINOX_YEAR_MAX) {
    throw new RangeError(`春分只能计算 ${EQUINOX_YEAR_MIN}–${EQUINOX_YEAR_MAX} 年：${year}`)
  }
  const jde = marchEquinoxJde(year)
  // ΔT at the middle of March is plenty: it changes by well under a second a month.
  const deltaT = deltaTSeconds(year + 2.5 / 12)
  return Math.round((jde - JD_UNIX_EPOCH) * DAY_MS - deltaT * 1000)
}

/** The China-time (UTC+8) date of the spring equinox of `year`, `YYYY-MM-DD` (2027 → 2027-03-21). */
export function springEquinoxChinaDate(year: number): string {
  return new Date(springEquinoxInstant(year) + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}
