import { deflateSync } from 'node:zlib'

// Photos of the seeded progress reports: small PNGs drawn here (a sky-to-field gradient in a few
// colourings), so the seed needs no binary files and the same names work in every seed.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A `width` × `height` RGB PNG: sky colour `top` above the horizon, ground colour `bottom` below. */
function landscapePng(width: number, height: number, top: [number, number, number], bottom: [number, number, number]): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  const rows: Buffer[] = []
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3)
    for (let x = 0; x < width; x += 1) {
      const horizon = height * 0.55 + Math.sin(x / 9) * height * 0.06
      const [base, shade] = y < horizon ? [top, 1 - (y / horizon) * 0.25] : [bottom, 0.8 + ((y - horizon) / height) * 0.4]
      base.forEach((v, i) => (row[1 + x * 3 + i] = Math.min(255, Math.round(v * shade))))
    }
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const PALETTES: [string, [number, number, number], [number, number, number]][] = [
  ['seedphotokiwifruit01', [150, 200, 240], [90, 150, 60]],
  ['seedphotonianhua0002', [240, 220, 180], [200, 60, 50]],
  ['seedphotovillage0003', [170, 210, 235], [160, 130, 90]],
  ['seedphotomeeting0004', [235, 235, 225], [180, 40, 40]],
]

/** Stored names of the seeded photos (as `UploadRecord.name`). */
export const SEED_IMAGE_NAMES = PALETTES.map(([stem]) => `${stem}.png`)

const cache = new Map<string, Buffer>()

/** The bytes of a seeded photo by its stored name, or null when it is not one. */
export function seedImage(name: string): Buffer | null {
  const palette = PALETTES.find(([stem]) => `${stem}.png` === name)
  if (!palette) return null
  let png = cache.get(name)
  if (!png) {
    png = landscapePng(160, 120, palette[1], palette[2])
    cache.set(name, png)
  }
  return png
}
