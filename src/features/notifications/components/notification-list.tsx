import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { staleMessage, toApiError } from '@/api/api-error'
import type { Notification } from '@/api/contract/notification'
import { formatDateTime } from '@/shared/lib/dates'
import { openPage } from '@/shared/lib/navigate'
import { tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { StaleNotice } from '@/shared/ui/stale-notice'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { getNotifications, markAllRead, markNotificationRead } from '@/api/notifications'
import { notificationTarget } from '../lib/notification-link'
import { useNotificationsStore } from '../notifications-store'
import './notifications.css'

const PAGE_SIZE = 20

type ListState = { items: Notification[]; total: number; page: number; status: 'loading' | 'ready' | 'error'; error?: string; loadingMore: boolean }

/** 消息: newest first, an unread dot on each unread one; tapping marks it read and opens its link; 全部已读. */
export function NotificationList() {
  const setUnread = useNotificationsStore((s) => s.setUnread)
  const unread = useNotificationsStore((s) => s.unread)
  const [state, setState] = useState<ListState>({ items: [], total: 0, page: 0, status: 'loading', loadingMore: false })
  // What failed last, with the action 重试 repeats: a refresh (离线 when there was no connection) or 全部已读.
  const [notice, setNotice] = useState<{ message: string; retry: () => void } | null>(null)
  const [markingAll, setMarkingAll] = useState(false)
  const ticket = useRef(0)

  const load = useCallback(
    async (page: number) => {
      const mine = ++ticket.current
      setState((s) => (page === 1 ? { ...s, status: s.status === 'ready' ? 'ready' : 'loading' } : { ...s, loadingMore: true }))
      try {
        const answer = await getNotifications(page, PAGE_SIZE)
        if (mine !== ticket.current) return
        setUnread(answer.unread)
        setState((s) => ({
          items: page === 1 ? answer.items : [...s.items, ...answer.items.filter((n) => !s.items.some((o) => o.id === n.id))],
          total: answer.total,
          page,
          status: 'ready',
          loadingMore: false,
        }))
      } catch (failure) {
        if (mine !== ticket.current) return
        const error = toApiError(failure).message
        setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false } : { ...s, status: 'error', error, loadingMore: false }))
        // Shown above the messages kept from the last load: 离线 when there was no connection.
        setNotice({ message: staleMessage(failure), retry: () => void load(page) })
      }
    },
    [setUnread],
  )

  useEffect(() => {
    void load(1)
  }, [load])
  usePullDownRefresh(() => {
    void load(1).finally(() => Taro.stopPullDownRefresh())
  })
  const hasMore = state.status === 'ready' && state.items.length < state.total
  const loadMore = () => {
    if (hasMore && !state.loadingMore) void load(state.page + 1)
  }
  useReachBottom(loadMore)

  const open = (note: Notification) => {
    setNotice(null)
    if (!note.read) {
      setState((s) => ({ ...s, items: s.items.map((n) => (n.id === note.id ? { ...n, read: true } : n)) }))
      setUnread((useNotificationsStore.getState().unread ?? 1) - 1)
      // Marked read on the server in the background; a failure only means it shows unread next time.
      markNotificationRead(note.id).catch(() => undefined)
    }
    const target = notificationTarget(note.link)
    if (target) openPage(target)
  }

  const readAll = async () => {
    setMarkingAll(true)
    setNotice(null)
    try {
      await markAllRead()
      setState((s) => ({ ...s, items: s.items.map((n) => ({ ...n, read: true })) }))
      setUnread(0)
    } catch (failure) {
      setNotice({ message: toApiError(failure).message, retry: () => void readAll() })
    } finally {
      setMarkingAll(false)
    }
  }

  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <ErrorState message={state.error ?? ''} onRetry={() => void load(1)} />
  if (state.items.length === 0) return <EmptyState title='还没有消息' hint='候补转正、活动变更或取消、承诺审核和荣誉颁发时，会在这里通知您。' />
  const anyUnread = (unread ?? 0) > 0 || state.items.some((n) => !n.read)
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
      {notice ? (
        <StaleNotice
          message={notice.message}
          onRetry={() => {
            setNotice(null)
            notice.retry()
          }}
        />
      ) : null}
      <View className='zs-card'>
        {state.items.map((note) => (
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
      {hasMore ? (
        <AppButton variant='plain' block loading={state.loadingMore} onTap={loadMore}>
          加载更多
        </AppButton>
      ) : null}
    </View>
  )
}
