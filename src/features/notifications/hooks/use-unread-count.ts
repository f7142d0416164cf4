import { useDidShow } from '@tarojs/taro'
import { useNotificationsStore } from '../notifications-store'

/** The unread count, refreshed each time the page shows (首页, 我的); a failure keeps the last count. */
export function useUnreadCount(): number | null {
  const refresh = useNotificationsStore((s) => s.refreshUnread)
  useDidShow(() => {
    refresh().catch(() => undefined)
  })
  return useNotificationsStore((s) => s.unread)
}
