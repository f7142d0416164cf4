import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { managesAudience } from '@/api/contract/auth'
import { EVENT_TYPE_LABELS, type EventWhen } from '@/api/contract/event'
import { useListPage } from '@/shared/hooks/use-list-page'
import { formatTimeRange } from '@/shared/lib/dates'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'
import { ListLoadState, LoadMoreButton } from '@/shared/ui/list-state'
import { EmptyState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { useSessionStore } from '@/stores/session-store'
import { useOrganiserEvents } from '../hooks/use-organiser-events'
import './event-admin.css'

const STATUS = { draft: ['草稿', 'grey'], published: ['已发布', 'green'], cancelled: ['已取消', 'grey'] } as const

/** Where each button of 活动管理 leads; the page decides how to open it. */
export type OrganiserEventsActions = {
  onCreate: () => void
  onEdit: (id: string) => void
  onRoster: (id: string) => void
  onCheckinCode: (id: string) => void
}

/**
 * 活动管理: 发布活动, then every event with registered / capacity / waitlist and 编辑 · 名单 · 签到码. A town
 * organiser sees other towns' and city-wide events too, marked 仅可查看 and without those buttons.
 */
export function OrganiserEvents({ onCreate, onEdit, onRoster, onCheckinCode }: OrganiserEventsActions) {
  const user = useSessionStore((s) => s.user)
  const [when, setWhen] = useState<EventWhen>('upcoming')
  const list = useOrganiserEvents(when)
  // Back from the form or the roster: counts and edits may have changed.
  useListPage(list, { refreshOnReturn: true })

  return (
    <View>
      <View className='ea-top'>
        <AppButton block onTap={onCreate}>
          发布活动
        </AppButton>
      </View>
      <Chips
        label='时间'
        value={when}
        onChange={setWhen}
        options={[
          { value: 'upcoming', label: '进行中和即将开始' },
          { value: 'past', label: '已结束' },
        ]}
      />
      <ListLoadState status={list.status} error={list.error} onRetry={list.refresh} />
      {list.status === 'ready' && list.events.length === 0 ? (
        <EmptyState
          title={when === 'upcoming' ? '没有进行中或即将开始的活动' : '还没有已结束的活动'}
          hint='点“发布活动”发布新的强村讲堂、技能比武、片区交流或现场拉练。'
        />
      ) : null}
      {list.staleError ? <Text className='ea-note'>{list.staleError}</Text> : null}
      {list.events.map((event) => {
        const [label, tone] = STATUS[event.status]
        const manages = user ? managesAudience(user, event.audience.towns) : false
        return (
          <View key={event.id} className='zs-card'>
            <View className='zs-row'>
              <Tag tone='red'>{EVENT_TYPE_LABELS[event.type]}</Tag>
              <Tag tone={tone}>{label}</Tag>
              {manages ? null : <Tag tone='grey'>{event.audience.towns.length ? '其他镇的活动' : '全市活动'} · 仅可查看</Tag>}
            </View>
            <Text className='ea-card__title'>{event.title}</Text>
            <Text className='ea-card__line'>{formatTimeRange(event.startAt, event.endAt)}</Text>
            <Text className='ea-card__line'>
              已报名 {event.registeredCount}/{event.capacity} · 候补 {event.waitlistCount}
            </Text>
            {manages ? (
            <View className='ea-card__buttons'>
              {event.status !== 'cancelled' ? (
                <AppButton small variant='secondary' label={`编辑 ${event.title}`} onTap={() => onEdit(event.id)}>
                  编辑
                </AppButton>
              ) : null}
              <AppButton small variant='secondary' label={`名单 ${event.title}`} onTap={() => onRoster(event.id)}>
                名单
              </AppButton>
              {event.status === 'published' ? (
                <AppButton small variant='secondary' label={`签到码 ${event.title}`} onTap={() => onCheckinCode(event.id)}>
                  签到码
                </AppButton>
              ) : null}
            </View>
            ) : null}
          </View>
        )
      })}
      <LoadMoreButton hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} />
    </View>
  )
}
