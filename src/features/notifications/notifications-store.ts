import { create } from 'zustand'
import { getNotifications } from '@/api/notifications'
import { showUnreadOnTab } from './lib/tab-badge'

type NotificationsState = {
  /** Unread notifications of the signed-in user; null until first known. */
  unread: number | null
}
type NotificationsActions = {
  /** Asks the server for the unread count (a one-row page) and updates the tab badge. */
  refreshUnread: () => Promise<void>
  /** Sets the count (after reading a page or marking read) and updates the tab badge. */
  setUnread: (count: number) => void
}

/** The unread count shared by 首页, 我的, the tab badge and 消息. */
export const useNotificationsStore = create<NotificationsState & NotificationsActions>()((set, get) => ({
  unread: null,
  refreshUnread: () => getNotifications(1, 1).then(({ unread }) => get().setUnread(unread)),
  setUnread: (count) => {
    const unread = Math.max(0, count)
    set({ unread })
    showUnreadOnTab(unread)
  },
}))
