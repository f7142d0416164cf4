import { attendanceRate } from '@/api/contract/attendance'
import { creditsLabel, formatCredits, formatRate, recentYears, sortRecords } from '@/features/attendance/lib/attendance-view'
import { wgs84ToGcj02 } from '@/features/attendance/lib/coordinates'
import { withTimeout } from '@/features/attendance/lib/with-timeout'

const event = (startAt: string, credits = 2) => ({ startAt, credits }) as never

describe('attendance view helpers', () => {
  it('should show 75% for 2 present + 1 late + 1 absent, and — when nothing counts', () => {
    expect(formatRate(attendanceRate({ present: 2, late: 1, absent: 1 }))).toBe('75%')
    expect(formatRate(2 / 3)).toBe('66.7%')
    expect(formatRate(1)).toBe('100%')
    expect(formatRate(null)).toBe('—')
  })

  it('should count 学时 for present and late only', () => {
    expect(creditsLabel({ attendance: 'present', credits: 2, event: event('2027-03-01T09:00:00+08:00') })).toBe('2 学时')
    expect(creditsLabel({ attendance: 'late', credits: 1.5, event: event('2027-03-01T09:00:00+08:00', 1.5) })).toBe('1.5 学时')
    expect(creditsLabel({ attendance: 'absent', credits: 0, event: event('2027-03-01T09:00:00+08:00') })).toBe('不计学时')
    expect(creditsLabel({ attendance: 'leave', credits: 0, event: event('2027-03-01T09:00:00+08:00') })).toBe('不计学时')
    expect(formatCredits(12.5)).toBe('12.5')
    expect(formatCredits(6)).toBe('6')
  })

  it('should offer this year in China time and the 4 before it', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Mianzhu.
    expect(recentYears(Date.parse('2026-12-31T17:00:00Z'))).toEqual([2027, 2026, 2025, 2024, 2023])
  })

  it('should list the newest event first', () => {
    const records = [
      { event: event('2027-01-05T09:00:00+08:00'), attendance: 'present', credits: 2 },
      { event: event('2027-03-05T09:00:00+08:00'), attendance: 'pending', credits: 0 },
    ] as never[]
    expect(sortRecords(records).map((r: { event: { startAt: string } }) => r.event.startAt)).toEqual(['2027-03-05T09:00:00+08:00', '2027-01-05T09:00:00+08:00'])
  })
})

describe('wgs84ToGcj02', () => {
  it('should shift a GPS position in China onto the GCJ-02 datum of the venues', () => {
    // Reference values of googollee/eviltransform (Beijing, Shanghai).
    const beijing = wgs84ToGcj02(39.911954, 116.377817)
    expect(beijing.lat).toBeCloseTo(39.91334545536069, 5)
    expect(beijing.lng).toBeCloseTo(116.38404722455657, 5)
    const shanghai = wgs84ToGcj02(31.1774276, 121.5272106)
    expect(shanghai.lat).toBeCloseTo(31.17530398364597, 5)
    expect(shanghai.lng).toBeCloseTo(121.531541859215, 5)
  })

  it('should leave a position outside China as it is', () => {
    expect(wgs84ToGcj02(51.5, -0.12)).toEqual({ lat: 51.5, lng: -0.12 })
  })
})

describe('withTimeout', () => {
  it('should give the fallback when the promise is too slow, and the answer when it is not', async () => {
    jest.useFakeTimers()
    try {
      const slow = withTimeout(new Promise(() => {}), 5000, null)
      jest.advanceTimersByTime(5000)
      await expect(slow).resolves.toBeNull()
      await expect(withTimeout(Promise.resolve('fix'), 5000, null)).resolves.toBe('fix')
    } finally {
      jest.useRealTimers()
    }
  })
})
