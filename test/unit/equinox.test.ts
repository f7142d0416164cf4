import fc from 'fast-check'
import { deltaTSeconds, springEquinoxChinaDate, springEquinoxInstant } from '@/api/contract/equinox'
import { CHINA_OFFSET_MS } from '@/api/contract/time'
import { USNO_MARCH_EQUINOX } from './equinox-reference'

const MINUTE = 60_000
const published = (year: number) => Date.parse(USNO_MARCH_EQUINOX[year].replace('Z', ':00Z'))
const chinaDateOf = (ms: number) => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10)
const chinaTimeOf = (ms: number) => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
const YEARS = Object.keys(USNO_MARCH_EQUINOX).map(Number)

describe('springEquinoxInstant', () => {
  it('should have a published instant for every year 2000–2050', () => {
    expect(YEARS).toEqual(Array.from({ length: 51 }, (_, i) => 2000 + i))
  })

  it.each(YEARS)('should put the %i equinox within 3 minutes of the published instant', (year) => {
    expect(Math.abs(springEquinoxInstant(year) - published(year))).toBeLessThanOrEqual(3 * MINUTE)
  })

  it('should stay within 1.5 minutes over 2000–2050 (the published minutes are rounded)', () => {
    const worst = Math.max(...YEARS.map((year) => Math.abs(springEquinoxInstant(year) - published(year))))
    expect(worst).toBeLessThanOrEqual(1.5 * MINUTE)
  })

  it('should space consecutive equinoxes one tropical year apart over 1000–3000', () => {
    const DAY = 24 * 60 * MINUTE
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), (year) => {
        const days = (springEquinoxInstant(year + 1) - springEquinoxInstant(year)) / DAY
        expect(Math.abs(days - 365.2422)).toBeLessThan(0.03)
      }),
    )
  })

  it('should refuse years the method does not cover', () => {
    expect(() => springEquinoxInstant(999)).toThrow(RangeError)
    expect(() => springEquinoxInstant(3001)).toThrow(RangeError)
    expect(() => springEquinoxInstant(2026.5)).toThrow(RangeError)
  })
})

describe('springEquinoxChinaDate', () => {
  it.each(YEARS)('should give %i the China-time date of the published instant', (year) => {
    expect(springEquinoxChinaDate(year)).toBe(chinaDateOf(published(year)))
  })

  it('should read the years near midnight China time as published', () => {
    // 2018: 00:15 on 21 March; 2022: 23:33 on 20 March (China time).
    expect(chinaTimeOf(published(2018))).toBe('2018-03-21 00:15')
    expect(springEquinoxChinaDate(2018)).toBe('2018-03-21')
    expect(chinaTimeOf(published(2022))).toBe('2022-03-20 23:33')
    expect(springEquinoxChinaDate(2022)).toBe('2022-03-20')
  })

  it('should put 春分 on 21 March in 2023 and 2027 and on 20 March in 2026', () => {
    expect(springEquinoxChinaDate(2023)).toBe('2023-03-21')
    expect(springEquinoxChinaDate(2027)).toBe('2027-03-21')
    expect(springEquinoxChinaDate(2026)).toBe('2026-03-20')
  })

  it('should keep every year of the API (2000–2100) on 19, 20 or 21 March', () => {
    for (let year = 2000; year <= 2100; year += 1) {
      expect(['19', '20', '21']).toContain(springEquinoxChinaDate(year).slice(8))
      expect(springEquinoxChinaDate(year).slice(0, 8)).toBe(`${year}-03-`)
    }
  })
})

describe('deltaTSeconds', () => {
  it('should join its polynomials without a jump of more than a second', () => {
    for (const boundary of [1600, 1700, 1800, 1860, 1900, 1920, 1941, 1961, 1986, 2005, 2050, 2150]) {
      expect(Math.abs(deltaTSeconds(boundary) - deltaTSeconds(boundary - 1e-9))).toBeLessThan(1)
    }
  })

  it('should be about a minute around 2000–2030, as measured', () => {
    expect(deltaTSeconds(2000)).toBeCloseTo(63.9, 0)
    expect(deltaTSeconds(2026)).toBeGreaterThan(65)
    expect(deltaTSeconds(2026)).toBeLessThan(80)
  })
})
