import type { ScanOutcome } from './device-types'

// The organiser's 签到码 page draws `zst-checkin:${eventId}:${code}`.
const QR_PATTERN = /^zst-checkin:([\w-]{1,64}):(\d{6})$/

/** Reads a scanned QR text: the code when it is this event's 签到 QR, else why not. */
export function readCheckinQr(text: string, eventId: string): Extract<ScanOutcome, { kind: 'code' | 'other-event' | 'not-checkin' }> {
  const match = QR_PATTERN.exec(text.trim())
  if (!match) return { kind: 'not-checkin' }
  return match[1] === eventId ? { kind: 'code', code: match[2] } : { kind: 'other-event' }
}
