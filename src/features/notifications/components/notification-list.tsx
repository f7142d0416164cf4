import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import { usePagedList } from '@/api/kit/use-paged-list'
import type { Notification } from '@/api/contract/notification'
import { formatDateTime } from '@/shared/lib/dates'
import { useListPage } from '@/shared/hooks/use-list-page'
import { openPage } from '@/shared/lib/navigate'
import { tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { ListLoadState, LoadMoreButton } from '@/shared/ui/list-state'
import { StaleNotice } from '@/shared/ui/stale-notice'
import { EmptyState } from '@/shared/ui/state-view'
import { getNotifications, markAllRead, markNotificationRead } from '@/api/notifications'
import { notificationTarget } from '../lib/notification-link'
import { useNotificationsStore } from '../notifications-store'
import './notifications.css'

const PAGE_SIZE = 20
const fetchPage = (page: number) => getNotifications(page, PAGE_SIZE)
const noteId = (n: Notification) => n.id

/** 消息: newest first, an unread dot on each unread one; tapping marks it read and opens its link; 全部已读. */
export function NotificationList() {
  const setUnread = useNotificationsStore((s) => s.setUnread)
  const unread = useNotificationsStore((s) => s.unread)
  const list = usePagedList(fetchPage, noteId, (answer) => setUnread(answer.unread))
  // 全部已读 that failed, with 重试; a failed refresh or page shows the list's own notice (离线 without a connection).
  const [readAllError, setReadAllError] = useState<string | null>(null)
  const [markingAll, setMarkingAll] = useState(false)

  useListPage(list)

  const open = (note: Notification) => {
    setReadAllError(null)
    if (!note.read) {
      list.update((items) => items.map((n) => (n.id === note.id ? { ...n, read: true } : n)))
      setUnread((useNotificationsStore.getState().unread ?? 1) - 1)
      // Marked read on the server in the background; a failure only means it shows unread next time.
      markNotificationRead(note.id).catch(() => undefined)
    }
    const target = notificationTarget(note.link)
    if (target) openPage(target)
  }

  const readAll = async () => {
    setMarkingAll(true)
    setReadAllError(null)
    try {
      await markAllRead()
      list.update((items) => items.map((n) => ({ ...n, read: true })))
      setUnread(0)
    } catch (failure) {
      setReadAllError(toApiError(failure).message)
    } finally {
      setMarkingAll(false)
    }
  }

  if (list.status !== 'ready') return <ListLoadState status={list.status} error={list.error} onRetry={list.refresh} />
  if (list.items.length === 0) return <EmptyState title='还没有消息' hint='候补转正、活动变更或取消、承诺审核和荣誉颁发时，会在这里通知您。' />
  const anyUnread = (unread ?? 0) > 0 || list.items.some((n) => !n.read)
  return (
    <View>
      <View className='zs-row nt-head'>
        <Text className='zs-grow zs-muted'>{unread ? `${unread} 条未读` : '没有未读消息'}</Text>
        {anyUnread ? (
          <AppButton small variant='secondary' loading={markingAll} onTap={() => void readAll()}>
            全部已读
          </AppButton>
        ) : null}
      </View>
      {readAllError ? <StaleNotice message={readAllError} onRetry={() => void readAll()} /> : null}
      {list.staleError && !readAllError ? <StaleNotice message={list.staleError} onRetry={() => void list.retry()} /> : null}
      <View className='zs-card'>
        {list.items.map((note) => (
          <View key={note.id} className={`nt-row${note.read ? '' : ' nt-row--unread'}`} {...tappable('link', () => open(note))}>
            <View className='zs-row'>
              {note.read ? null : <View className='nt-dot' role='img' aria-label='未读' />}
              <Text className='nt-row__title zs-grow'>{note.title}</Text>
            </View>
            <Text className='nt-row__body'>{note.body}</Text>
            <Text className='nt-row__time'>{formatDateTime(note.createdAt)}</Text>
          </View>
        ))}
      </View>
      <LoadMoreButton hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} />
    </View>
  )
}
