import type { GetCheckinLocation } from '../lib/device-types'

/** Platforms without their own file (and Jest, tsc): no location, so the check-in goes without it. */
export const getCheckinLocation: GetCheckinLocation = async () => null
