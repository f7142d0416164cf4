import Taro from '@tarojs/taro'
import type { PickedPlace } from '../lib/picked-place'

/** weapp opens WeChat's map picker (选择位置). */
export const canChooseLocation = true

/** Opens the map picker; null when the user backs out. Rejects when the picker cannot open (permission refused). */
export async function chooseLocation(): Promise<PickedPlace | null> {
  try {
    const place = await Taro.chooseLocation({})
    return { lat: place.latitude, lng: place.longitude, name: place.name || undefined, address: place.address || undefined }
  } catch (failure) {
    const message = failure && typeof failure === 'object' && 'errMsg' in failure ? String(failure.errMsg) : ''
    if (/cancel/i.test(message)) return null
    throw failure
  }
}
