import type { PickedPlace } from '../lib/picked-place'

/** H5 has no map picker: the form shows latitude and longitude inputs instead. */
export const canChooseLocation = false

/** Not available on H5; resolves null. */
export function chooseLocation(): Promise<PickedPlace | null> {
  return Promise.resolve(null)
}
