import { readCheckinQr } from '@/features/attendance/lib/checkin-qr'

describe('readCheckinQr', () => {
  it('should read the code of this event\'s 签到 QR code', () => {
    expect(readCheckinQr('zst-checkin:evt-12:048213', 'evt-12')).toEqual({ kind: 'code', code: '048213' })
    expect(readCheckinQr('  zst-checkin:evt-12:048213\n', 'evt-12')).toEqual({ kind: 'code', code: '048213' })
  })

  it('should refuse the QR code of another event', () => {
    expect(readCheckinQr('zst-checkin:evt-13:048213', 'evt-12')).toEqual({ kind: 'other-event' })
    expect(readCheckinQr('zst-checkin:evt-1:048213', 'evt-12')).toEqual({ kind: 'other-event' })
  })

  it('should refuse anything that is not a 签到 QR code', () => {
    for (const text of ['https://example.com', '048213', 'zst-checkin:evt-12:48213', 'zst-checkin:evt-12:0482135', 'zst-checkin:evt-12:04821a', 'zst-checkin::048213', '']) {
      expect(readCheckinQr(text, 'evt-12')).toEqual({ kind: 'not-checkin' })
    }
  })
})
