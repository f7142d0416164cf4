/** A position in GCJ-02, the datum of WeChat's maps and of the venues' coordinates. */
export type GeoPoint = { lat: number; lng: number }

/** Where the phone is for a check-in, or null when the user refuses or it cannot be known in time. Never rejects. */
export type GetCheckinLocation = () => Promise<GeoPoint | null>

/** What scanning a 签到 QR code gave. */
export type ScanOutcome =
  | { kind: 'code'; code: string }
  | { kind: 'other-event' }
  | { kind: 'not-checkin' }
  | { kind: 'cancelled' }
  | { kind: 'failed' }

/** Scans the organiser's 签到 QR code for this event. Never rejects. */
export type ScanCheckinCode = (eventId: string) => Promise<ScanOutcome>
