import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Registration } from '@/api/contract/event'
import { checkIn } from '@/api/checkin'
import { getEvent } from '@/api/events'
import { useAttendanceStore } from '@/features/attendance/attendance-store'
import { CheckinScreen } from '@/features/attendance/components/checkin-screen'
import { getCheckinLocation } from '@/features/attendance/platform/get-location'
import { scanCheckinCode } from '@/features/attendance/platform/scan-code'
import { createEvent } from '../support/events'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/events')
jest.mock('@/api/checkin')
jest.mock('@/features/attendance/platform/get-location')
// The weapp flavour: the camera can scan.
jest.mock('@/features/attendance/platform/scan-code', () => ({ canScanCode: true, scanCheckinCode: jest.fn() }))
const mockedGetEvent = jest.mocked(getEvent)
const mockedCheckIn = jest.mocked(checkIn)
const mockedScan = jest.mocked(scanCheckinCode)

const registration: Registration = {
  eventId: 'evt-1',
  userId: 'u-s01',
  status: 'registered',
  attendance: 'pending',
  createdAt: '2026-12-01T09:00:00+08:00',
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  useAttendanceStore.setState({ checkinPhase: {} })
  jest.mocked(getCheckinLocation).mockResolvedValue(null)
  mockedGetEvent.mockResolvedValue(
    createEvent({ startAt: new Date(Date.now() - 60_000).toISOString(), endAt: new Date(Date.now() + 3_600_000).toISOString(), myRegistration: registration }),
  )
})

describe('CheckinScreen with a camera (weapp)', () => {
  it('should check in with the code read from this event\'s QR code', async () => {
    mockedScan.mockResolvedValue({ kind: 'code', code: '246810' })
    mockedCheckIn.mockResolvedValue({ attendance: 'present', checkedInAt: '2026-12-08T09:01:00+08:00' })
    render(<CheckinScreen eventId='evt-1' onBack={jest.fn()} onOpenRecord={jest.fn()} />)
    fireEvent.click(await screen.findByText('扫码签到'))
    expect(await screen.findByText('已签到')).toBeTruthy()
    expect(mockedScan).toHaveBeenCalledWith('evt-1')
    expect(mockedCheckIn).toHaveBeenCalledWith('evt-1', { code: '246810' }, expect.any(String))
  })

  it('should refuse another event\'s QR code and send nothing', async () => {
    mockedScan.mockResolvedValue({ kind: 'other-event' })
    render(<CheckinScreen eventId='evt-1' onBack={jest.fn()} onOpenRecord={jest.fn()} />)
    fireEvent.click(await screen.findByText('扫码签到'))
    expect(await screen.findByText(/这不是本场活动的签到二维码/)).toBeTruthy()
    expect(mockedCheckIn).not.toHaveBeenCalled()
  })

  it('should do nothing when the user closes the camera', async () => {
    mockedScan.mockResolvedValue({ kind: 'cancelled' })
    render(<CheckinScreen eventId='evt-1' onBack={jest.fn()} onOpenRecord={jest.fn()} />)
    fireEvent.click(await screen.findByText('扫码签到'))
    await waitFor(() => expect(mockedScan).toHaveBeenCalled())
    expect(screen.queryByRole('alert')).toBeNull()
    expect(mockedCheckIn).not.toHaveBeenCalled()
  })
})
