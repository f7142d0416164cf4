import Taro from '@tarojs/taro'
import { readCheckinQr } from '../lib/checkin-qr'
import type { ScanCheckinCode } from '../lib/device-types'

/** weapp: the camera can read the organiser's 签到 QR code. */
export const canScanCode = true

/** Opens the camera and reads this event's code from the QR; another event's QR is refused. */
export const scanCheckinCode: ScanCheckinCode = async (eventId) => {
  try {
    const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return readCheckinQr(result, eventId)
  } catch (failure) {
    const text = failure && typeof failure === 'object' && 'errMsg' in failure ? String(failure.errMsg) : ''
    return /cancel/i.test(text) ? { kind: 'cancelled' } : { kind: 'failed' }
  }
}
