import { Text, View } from '@tarojs/components'
import { usePullDownRefresh } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { EventWhen } from '@/api/contract/event'
import { formatTimeRange } from '@/shared/lib/dates'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { useEventsStore } from '../events-store'
import { useEventList } from '../hooks/use-event-list'
import { typeLabel } from '../lib/signup-state'
import './events.css'

const STATUS = { draft: ['草稿', 'grey'], published: ['已发布', 'green'], cancelled: ['已取消', 'grey'] } as const

/** Organisers' view of every event with registered / capacity / waitlist counts. */
export function OrganiserEventOverview({ onOpen }: { onOpen: (id: string) => void }) {
  const [when, setWhen] = useState<EventWhen>('upcoming')
  const list = useEventList({ when })
  const byId = useEventsStore((s) => s.byId)
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  return (
    <View>
      <Chips
        label='时间'
        value={when}
        onChange={setWhen}
        options={[
          { value: 'upcoming', label: '进行中和即将开始' },
          { value: 'past', label: '已结束' },
        ]}
      />
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={() => void list.refresh()} /> : null}
      {list.status === 'ready' && list.ids.length === 0 ? <EmptyState title='没有活动' hint='发布的活动会显示在这里。' /> : null}
      {list.ids.map((id) => {
        const event = byId[id]
        if (!event) return null
        const [label, tone] = STATUS[event.status]
        return (
          <View key={id} className='zs-card' role='link' aria-label={event.title} onClick={() => onOpen(id)}>
            <View className='zs-row'>
              <Tag tone='red'>{typeLabel(event)}</Tag>
              <Tag tone={tone}>{label}</Tag>
            </View>
            <Text className='ev-card__title'>{event.title}</Text>
            <Text className='ev-card__line'>{formatTimeRange(event.startAt, event.endAt)}</Text>
            <Text className='ev-card__line'>
              已报名 {event.registeredCount}/{event.capacity} · 候补 {event.waitlistCount}
            </Text>
          </View>
        )
      })}
      {list.hasMore ? (
        <AppButton variant='plain' block loading={list.loadingMore} onTap={list.loadMore}>
          加载更多
        </AppButton>
      ) : null}
    </View>
  )
}
