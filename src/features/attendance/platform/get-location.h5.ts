import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '../lib/coordinates'
import type { GetCheckinLocation } from '../lib/device-types'
import { withTimeout } from '../lib/with-timeout'

// The browser's permission prompt may stay open a while; once allowed, the fix gets 5 s.
const PROMPT_TIMEOUT_MS = 20_000
const FIX_TIMEOUT_MS = 5_000

/** The browser's geolocation permission, when it can tell without asking. */
async function permissionState(): Promise<PermissionState | 'unknown'> {
  try {
    const status = await navigator.permissions?.query({ name: 'geolocation' })
    return status?.state ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * H5: Taro.getLocation reads `navigator.geolocation`, which gives GPS (WGS-84) only, so the fix is
 * converted to GCJ-02 like the venues. Null when refused, failed or too slow: the check-in goes without it.
 */
export const getCheckinLocation: GetCheckinLocation = async () => {
  try {
    const state = await permissionState()
    if (state === 'denied') return null
    const fix = await withTimeout(
      Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: FIX_TIMEOUT_MS }),
      state === 'granted' ? FIX_TIMEOUT_MS : PROMPT_TIMEOUT_MS,
      null,
    )
    return fix ? wgs84ToGcj02(fix.latitude, fix.longitude) : null
  } catch {
    return null
  }
}
