import Taro from '@tarojs/taro'
import { isTabRoute } from './routes'

/** Opens a page: tab pages with switchTab (their query is dropped), others with navigateTo. */
export function openPage(url: string): void {
  if (isTabRoute(url)) void Taro.switchTab({ url: url.split('?')[0] })
  else void Taro.navigateTo({ url })
}

/** Replaces the current page: reLaunch for tab pages (clears the stack), redirectTo for others. */
export function replacePage(url: string): void {
  if (isTabRoute(url)) void Taro.reLaunch({ url })
  else void Taro.redirectTo({ url })
}

/** The current page's URL with its query, for coming back after 登录. */
export function currentPageUrl(): string | null {
  const pages = Taro.getCurrentPages()
  const page = pages[pages.length - 1] as { route?: string; options?: Record<string, string> } | undefined
  if (!page?.route) return null
  // weapp fills page.options; the H5 runtime keeps the query on the current instance's router.
  const params = { ...Taro.getCurrentInstance().router?.params, ...page.options }
  const query = Object.entries(params)
    .filter(([k, v]) => !k.startsWith('$') && k !== 'stamp' && v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  const path = `/${page.route.replace(/^\//, '').split('?')[0]}`
  return query ? `${path}?${query}` : path
}
