import type { ScanCheckinCode } from '../lib/device-types'

/** Whether this platform can scan a 签到 QR code (Jest, tsc and platforms without their own file: no). */
export const canScanCode = false

/** Scanning is not available here; the 扫码签到 button is hidden. */
export const scanCheckinCode: ScanCheckinCode = async () => ({ kind: 'failed' })
