import { useDidShow } from '@tarojs/taro'
import { useSessionStore } from '@/stores/session-store'
import { useNotificationsStore } from '../notifications-store'

/** The unread count, refreshed each time the page shows (首页, 我的); a failure keeps the last count. */
export function useUnreadCount(): number | null {
  const refresh = useNotificationsStore((s) => s.refreshUnread)
  useDidShow(() => {
    // Signed out, the page is on its way to 登录: asking would only answer 401.
    if (useSessionStore.getState().token) refresh().catch(() => undefined)
  })
  return useNotificationsStore((s) => s.unread)
}
