import { View } from '@tarojs/components'
import { useListPage } from '@/shared/hooks/use-list-page'
import { ListLoadState, LoadMoreButton } from '@/shared/ui/list-state'
import { StaleNotice } from '@/shared/ui/stale-notice'
import { EmptyState } from '@/shared/ui/state-view'
import { useEventsStore } from '../events-store'
import { useEventList } from '../hooks/use-event-list'
import { EventCard } from './event-card'
import './events.css'

/** 我的报名: the caller's registered and waitlisted events, soonest first (the first `limit` on 首页). */
export function MyRegistrations({ onOpen, onBrowse, limit }: { onOpen: (id: string) => void; onBrowse: () => void; limit?: number }) {
  const list = useEventList({ mine: true, when: 'upcoming' })
  const byId = useEventsStore((s) => s.byId)
  const now = Date.now()
  // Coming back from a detail page where the user cancelled: the list must not show it any more.
  useListPage(list, { refreshOnReturn: true })

  if (list.status !== 'ready') return <ListLoadState status={list.status} error={list.error} onRetry={list.refresh} />
  const events = list.ids
    .map((id) => byId[id])
    .filter((e) => e && (e.myRegistration?.status === 'registered' || e.myRegistration?.status === 'waitlisted'))
    .slice(0, limit)
  // A refresh that failed keeps the rows; the notice says so (离线) and offers 重试.
  const stale = list.staleError ? <StaleNotice message={list.staleError} onRetry={() => void list.refresh()} /> : null
  if (events.length === 0) {
    return (
      <View>
        {stale}
        <EmptyState title='您还没有报名的活动' hint='到“活动”里看看近期的强村讲堂和技能比武。' actionText='去看看活动' onAction={onBrowse} />
      </View>
    )
  }
  return (
    <View>
      {stale}
      {events.map((event) => (
        <EventCard key={event.id} event={event} now={now} onOpen={onOpen} />
      ))}
      <LoadMoreButton hasMore={list.hasMore && !limit} loading={list.loadingMore} onMore={list.loadMore} />
    </View>
  )
}
