import { checkinAttendance, checkinOpensAt, isCheckinWindowOpen } from '@/api/contract/checkin-window'

const start = Date.parse('2026-12-01T09:00:00+08:00')
const end = Date.parse('2026-12-01T11:00:00+08:00')
const at = (iso: string) => Date.parse(`2026-12-01T${iso}+08:00`)

describe('the 签到 window (API.md)', () => {
  it('should open 30 minutes before the start and close at the end, both instants included', () => {
    expect(checkinOpensAt(start)).toBe(at('08:30:00'))
    expect(isCheckinWindowOpen(start, end, at('08:29:59'))).toBe(false)
    expect(isCheckinWindowOpen(start, end, at('08:30:00'))).toBe(true)
    expect(isCheckinWindowOpen(start, end, at('11:00:00'))).toBe(true)
    expect(isCheckinWindowOpen(start, end, at('11:00:01'))).toBe(false)
  })

  it('should count a check-in after start + 15 minutes as 迟到', () => {
    expect(checkinAttendance(start, at('08:45:00'))).toBe('present')
    expect(checkinAttendance(start, at('09:15:00'))).toBe('present')
    expect(checkinAttendance(start, at('09:15:01'))).toBe('late')
  })
})
