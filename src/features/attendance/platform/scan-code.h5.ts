import type { ScanCheckinCode } from '../lib/device-types'

/** H5: browsers have no Taro.scanCode; the 扫码签到 button is hidden and the code is typed. */
export const canScanCode = false

/** Not available on H5. */
export const scanCheckinCode: ScanCheckinCode = async () => ({ kind: 'failed' })
