import Taro from '@tarojs/taro'
import type { GetCheckinLocation } from '../lib/device-types'
import { withTimeout } from '../lib/with-timeout'

// The user may take a while to read the privacy and permission prompts; the fix itself gets 5 s.
const CONSENT_TIMEOUT_MS = 30_000
const FIX_TIMEOUT_MS = 5_000

/**
 * weapp: asks for the privacy consent and `scope.userLocation` when needed (WeChat shows both prompts on
 * `authorize`), then takes a GCJ-02 fix. Null on refusal, on an earlier refusal (WeChat will not ask again),
 * on failure, or when the fix takes longer than 5 s: the check-in then goes without location.
 */
export const getCheckinLocation: GetCheckinLocation = async () => {
  try {
    const { authSetting } = await Taro.getSetting()
    if (authSetting['scope.userLocation'] === false) return null
    const allowed = await withTimeout(
      Taro.authorize({ scope: 'scope.userLocation' }).then(() => true),
      CONSENT_TIMEOUT_MS,
      false,
    )
    if (!allowed) return null
    const fix = await withTimeout(Taro.getLocation({ type: 'gcj02' }), FIX_TIMEOUT_MS, null)
    return fix ? { lat: fix.latitude, lng: fix.longitude } : null
  } catch {
    // Privacy consent refused ("privacy permission is not authorized"), permission denied, GPS off…
    return null
  }
}
