import Taro from '@tarojs/taro'
import { currentPageUrl, replacePage } from '@/shared/lib/navigate'
import { ROUTES, safeRedirect, withQuery } from '@/shared/lib/routes'

let leaving = false

/** Goes to 登录, remembering the page to come back to; several 401s at once navigate only once. */
export function goToLogin(from: string | null = currentPageUrl()): void {
  if (leaving) return
  const here = currentPageUrl()
  if (here?.startsWith(ROUTES.login)) return
  leaving = true
  const back = from && !from.startsWith(ROUTES.login) ? from : undefined
  void Taro.reLaunch({ url: withQuery(ROUTES.login, { redirect: back }) }).finally(() => {
    leaving = false
  })
}

/** After 登录: back to the page the user came from (checked), else 首页. */
export function returnAfterLogin(redirect: string | undefined): void {
  replacePage(safeRedirect(redirect))
}
