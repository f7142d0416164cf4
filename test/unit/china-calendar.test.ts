import { chinaDate, chinaDateAfter, chinaDateTime, chinaDay, chinaIso, chinaMonthDayTime, chinaMonthRange, chinaParts, chinaQuarter, chinaYear, chinaYearRange, quarterStarted, yearOver } from '@/api/contract/time'

describe('China-time helpers of the event form', () => {
  it('should read a picked date and time as China time, with the +08:00 offset', () => {
    expect(chinaIso('2027-03-21', '09:00')).toBe('2027-03-21T09:00:00+08:00')
    expect(Date.parse(chinaIso('2027-03-21', '09:00')!)).toBe(Date.parse('2027-03-21T01:00:00Z'))
  })

  it('should refuse dates and times that do not exist or are missing', () => {
    expect(chinaIso('2027-02-30', '09:00')).toBeNull()
    expect(chinaIso('2027-03-21', '24:00')).toBeNull()
    expect(chinaIso('', '09:00')).toBeNull()
    expect(chinaIso('2027-03-21', '')).toBeNull()
  })

  it('should split an instant into the China date and time whatever offset it was written in', () => {
    expect(chinaParts('2027-03-20T17:30:00Z')).toEqual({ date: '2027-03-21', time: '01:30' })
    expect(chinaParts('2027-03-21T09:00:00+08:00')).toEqual({ date: '2027-03-21', time: '09:00' })
  })

  it('should count days on the China calendar, not the phone\'s', () => {
    // 23:30 UTC on 20 March is already 21 March in China.
    expect(chinaDateAfter(Date.parse('2027-03-20T23:30:00Z'), 0)).toBe('2027-03-21')
    expect(chinaDateAfter(Date.parse('2027-03-20T23:30:00Z'), 7)).toBe('2027-03-28')
  })
})

describe('China-time calendar helpers (src/api/contract/time.ts, shared by the mock and the app)', () => {
  // 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in China.
  const newYear = Date.parse('2026-12-31T16:30:00Z')

  it('should read the year, quarter and day in China time whatever the phone says', () => {
    expect(chinaYear(newYear)).toBe(2027)
    expect(chinaQuarter(newYear)).toBe(1)
    expect(chinaDay(newYear)).toEqual({ y: 2027, m: 1, d: 1 })
    expect(chinaDate(newYear)).toBe('2027-01-01')
    expect(chinaDate('2026-12-31T23:59:59+08:00')).toBe('2026-12-31')
  })

  it('should give year and month ranges that start at China midnight', () => {
    expect(chinaYearRange(2027)).toEqual([Date.parse('2027-01-01T00:00:00+08:00'), Date.parse('2028-01-01T00:00:00+08:00')])
    expect(chinaMonthRange(2027, 3)).toEqual([Date.parse('2027-03-01T00:00:00+08:00'), Date.parse('2027-04-01T00:00:00+08:00')])
    expect(yearOver(2026, newYear)).toBe(true)
    expect(yearOver(2027, newYear)).toBe(false)
  })

  it('should know which quarters have begun', () => {
    expect(quarterStarted(2027, 1, newYear)).toBe(true)
    expect(quarterStarted(2027, 2, newYear)).toBe(false)
    expect(quarterStarted(2026, 4, newYear)).toBe(true)
    expect(quarterStarted(2028, 1, newYear)).toBe(false)
  })

  it('should format instants for spreadsheets and messages', () => {
    expect(chinaDateTime(newYear)).toBe('2027-01-01 00:30:00')
    expect(chinaMonthDayTime(newYear)).toBe('1月1日 00:30')
  })
})
