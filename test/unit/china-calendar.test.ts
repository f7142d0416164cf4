import { chinaDateAfter, chinaIso, chinaParts } from '@/features/event-admin/lib/china-time'

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
