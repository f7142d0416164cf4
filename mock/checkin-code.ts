import { createHmac, timingSafeEqual } from 'node:crypto'

/** A check-in code lives for one 60 s slot; the previous slot's code is still accepted. */
export const CHECKIN_SLOT_MS = 60_000

/** The slot number of an instant: floor(now / 60 s). */
export function checkinSlot(now: number): number {
  return Math.floor(now / CHECKIN_SLOT_MS)
}

/**
 * The 6-digit code of an event for a slot: HMAC-SHA256(secret, `${eventId}:${slot}`), truncated like
 * HOTP (RFC 4226 §5.3). Stable for a pinned clock; unguessable without the event's secret.
 */
export function checkinCode(event: { id: string; checkinSecret: string }, slot: number): string {
  const mac = createHmac('sha256', event.checkinSecret).update(`${event.id}:${slot}`).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const bin = mac.readUInt32BE(offset) & 0x7fffffff
  return String(bin % 1_000_000).padStart(6, '0')
}

/** True when `code` is the current or the previous slot's code at `now`. */
export function isValidCheckinCode(event: { id: string; checkinSecret: string }, code: string, now: number): boolean {
  const slot = checkinSlot(now)
  const given = Buffer.from(code)
  return [slot, slot - 1].some((s) => {
    const expected = Buffer.from(checkinCode(event, s))
    return expected.length === given.length && timingSafeEqual(expected, given)
  })
}
