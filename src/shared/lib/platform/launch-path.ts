/**
 * The page the app was opened on, `pages/home/index` style (no leading slash, no query); '' when unknown.
 * This default serves Jest; the `.h5.ts` and `.weapp.ts` files are what the builds use.
 */
export function launchPath(): string {
  return ''
}
