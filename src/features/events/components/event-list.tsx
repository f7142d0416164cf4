import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { EventType, EventWhen } from '@/api/contract/event'
import { EVENT_TYPE_LABELS } from '@/api/contract/event'
import { useListPage } from '@/shared/hooks/use-list-page'
import { fieldLabel } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Chips, type ChipOption } from '@/shared/ui/chips'
import { ListLoadState } from '@/shared/ui/list-state'
import { StaleNotice } from '@/shared/ui/stale-notice'
import { EmptyState } from '@/shared/ui/state-view'
import { useEventsStore } from '../events-store'
import { useEventList } from '../hooks/use-event-list'
import { EventCard } from './event-card'
import './events.css'

const TYPE_OPTIONS: ChipOption<EventType | 'all'>[] = [
  { value: 'all', label: '全部' },
  ...(Object.entries(EVENT_TYPE_LABELS) as [EventType, string][]).map(([value, label]) => ({ value, label })),
]
const WHEN_OPTIONS: ChipOption<EventWhen>[] = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '往期活动' },
]

/** The 活动 tab: type chips, upcoming/past, search, pull-to-refresh and paging over GET /events. */
export function EventList({ onOpen }: { onOpen: (id: string) => void }) {
  const [type, setType] = useState<EventType | 'all'>('all')
  const [when, setWhen] = useState<EventWhen>('upcoming')
  const [draft, setDraft] = useState('')
  const [q, setQ] = useState('')
  const list = useEventList({ type: type === 'all' ? undefined : type, when, q })
  const byId = useEventsStore((s) => s.byId)
  const now = Date.now()
  // Back from a detail page (a sign-up changes seats): refresh quietly; the rows stay if it fails.
  useListPage(list, { refreshOnReturn: true })

  return (
    <View>
      <View className='zs-row ev-search'>
        <Input
          className='zs-input'
          type='text'
          confirmType='search'
          placeholder='搜索活动名称、地点、主讲人'
          {...fieldLabel('搜索活动')}
          value={draft}
          maxlength={50}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={() => setQ(draft.trim())}
        />
        <AppButton small variant='secondary' onTap={() => setQ(draft.trim())}>
          搜索
        </AppButton>
      </View>
      <Chips label='活动类型' options={TYPE_OPTIONS} value={type} onChange={setType} />
      <Chips label='时间' options={WHEN_OPTIONS} value={when} onChange={setWhen} />
      <ListLoadState status={list.status} error={list.error} onRetry={list.refresh} />
      {list.status === 'ready' && list.ids.length === 0 ? (
        <EmptyState
          title={q ? `没有找到与“${q}”相关的活动` : when === 'upcoming' ? '近期没有可报名的活动' : '还没有往期活动'}
          hint={q ? '换个关键词试试，或清除搜索。' : '组织者发布新活动后会显示在这里，下拉可刷新。'}
          actionText={q ? '清除搜索' : undefined}
          onAction={() => {
            setDraft('')
            setQ('')
          }}
        />
      ) : null}
      {list.status === 'ready' ? (
        <View>
          {list.staleError ? <StaleNotice message={list.staleError} onRetry={() => void list.refresh()} /> : null}
          {list.ids.map((id) => (byId[id] ? <EventCard key={id} event={byId[id]} now={now} onOpen={onOpen} /> : null))}
          <View className='ev-more'>
            {list.hasMore ? (
              <AppButton variant='plain' loading={list.loadingMore} onTap={list.loadMore}>
                加载更多
              </AppButton>
            ) : list.ids.length > 0 ? (
              <Text className='zs-muted'>共 {list.total} 个活动</Text>
            ) : null}
          </View>
        </View>
      ) : null}
    </View>
  )
}
