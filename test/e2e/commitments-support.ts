import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { deflateSync } from 'node:zlib'
import { tap } from './support'

/** A phone of its own: a fresh browser context (its own storage) and a page. */
export async function openPhone(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL })
  return { context, page: await context.newPage() }
}

/** The visible card of item `n` (1-based) of the sheet being written. */
export function itemCard(page: Page, n: number) {
  return page.locator('.zs-card', { hasText: `第 ${n} 项` }).filter({ visible: true }).first()
}

/** Fills item `n` of the sheet: category, title, target, due quarter. */
export async function fillItem(page: Page, n: number, item: { category: string; title: string; target: string; quarter: number }) {
  const card = itemCard(page, n)
  await card.getByText(item.category, { exact: true }).click()
  await card.locator('input[placeholder="如：发展集体经济项目"]').fill(item.title)
  await card.locator('textarea[placeholder="如：村集体经济收入达到 20 万元"]').fill(item.target)
  await card.getByText(`第${item.quarter}季度`, { exact: true }).click()
}

/** Opens the 承诺 tab. */
export async function openCommitmentsTab(page: Page) {
  await tap(page, '承诺')
  await expect(page.locator('.taro_page:visible')).toHaveCount(1)
}

/** A small valid PNG (8×8, red), built here so that the upload's content check sees real PNG bytes. */
export function createPng(): Buffer {
  const size = 8
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.from([0, ...Array.from({ length: size }, () => [200, 22, 29]).flat()])))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}
