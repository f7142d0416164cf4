import { toChinaIso } from '@/api/contract/time'

describe('toChinaIso', () => {
  it('should write an instant in China time with +08:00, the same on every call', () => {
    const instant = Date.parse('2027-03-21T01:00:00Z')
    expect(toChinaIso(instant)).toBe('2027-03-21T09:00:00+08:00')
    expect(toChinaIso(instant)).toBe('2027-03-21T09:00:00+08:00')
    // China time crosses midnight before UTC does.
    expect(toChinaIso(Date.parse('2026-12-31T16:30:05Z'))).toBe('2027-01-01T00:30:05+08:00')
  })

  it('should stay right after more instants than it remembers', () => {
    const base = Date.parse('2027-01-01T00:00:00+08:00')
    for (let i = 0; i < 5_000; i += 1) expect(toChinaIso(base + i * 60_000)).toBe(new Date(base + i * 60_000 + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00')
    expect(toChinaIso(base)).toBe('2027-01-01T00:00:00+08:00')
  })

  it('should refuse an instant that is not a date, as before', () => {
    expect(() => toChinaIso(Number.NaN)).toThrow(RangeError)
    expect(() => toChinaIso(Number.NaN)).toThrow(RangeError)
  })
})
