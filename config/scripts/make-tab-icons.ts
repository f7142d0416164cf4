// Draws the tab bar icons (SVG → 81×81 PNG in Chromium) into src/assets/tab/. Run by hand when they change:
//   npx tsx config/scripts/make-tab-icons.ts
import { chromium } from '@playwright/test'

const ICONS = {
  home: '<path d="M12 40 L40 16 L68 40" /><path d="M20 34 V66 H60 V34" /><path d="M34 66 V48 H46 V66" />',
  events: '<rect x="14" y="20" width="52" height="46" rx="6" /><path d="M14 34 H66" /><path d="M28 12 V26 M52 12 V26" /><path d="M28 46 H36 M44 46 H52 M28 56 H36" />',
  commitments: '<rect x="18" y="14" width="44" height="54" rx="6" /><path d="M30 14 V10 H50 V14" /><path d="M28 40 L36 48 L52 32" />',
  honours: '<circle cx="40" cy="32" r="18" /><path d="M30 48 L24 70 L40 62 L56 70 L50 48" /><path d="M40 22 L43 29 L50 29 L44.5 33.5 L46.5 41 L40 36.5 L33.5 41 L35.5 33.5 L30 29 L37 29 Z" />',
  me: '<circle cx="40" cy="28" r="14" /><path d="M14 68 C16 52 28 46 40 46 C52 46 64 52 66 68" />',
}
const COLORS = { '': '#4a4a4a', '-active': '#c8161d' }

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
for (const [name, paths] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80" fill="none" stroke="${color}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
    await page.screenshot({ path: `src/assets/tab/${name}${suffix}.png`, omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
  }
}
await browser.close()
console.log('tab icons written to src/assets/tab/')
