import qrcode from 'qrcode-generator'

/** What the QR code on the 签到码 screen says; the secretary's scanner reads the event and code from it. */
export function checkinPayload(eventId: string, code: string): string {
  return `zst-checkin:${eventId}:${code}`
}

/** Whole seconds from `now` until `expiresAt`, never below 0. */
export function secondsUntil(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000))
}

/** A run of modules of one colour in a QR row. */
export type QrRun = { dark: boolean; length: number }

/**
 * The QR code of `text` as rows of same-colour runs: drawing a run as one box keeps the view to a
 * few hundred nodes instead of one per module, which matters on weapp.
 */
export function qrRuns(text: string): { size: number; rows: QrRun[][] } {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const size = qr.getModuleCount()
  const rows: QrRun[][] = []
  for (let r = 0; r < size; r += 1) {
    const runs: QrRun[] = []
    for (let c = 0; c < size; c += 1) {
      const dark = qr.isDark(r, c)
      const last = runs[runs.length - 1]
      if (last && last.dark === dark) last.length += 1
      else runs.push({ dark, length: 1 })
    }
    rows.push(runs)
  }
  return { size, rows }
}
