import { Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { formatDateTime, formatTimeRange } from '@/shared/lib/dates'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { useEventsStore } from '../events-store'
import { seatsLabel, typeLabel } from '../lib/signup-state'
import { RegistrationActions, type AttendanceSlots } from './registration-actions'
import './events.css'

/**
 * Everything about one event, its seats and deadline, and the action that fits: sign-up, and for a
 * registered secretary 签到 / 请假 when the page passes them in (`AttendanceSlots`).
 */
export function EventDetail({ id, ...slots }: { id: string } & AttendanceSlots) {
  const event = useEventsStore((s) => s.byId[id])
  const loadEvent = useEventsStore((s) => s.loadEvent)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>(event ? 'ready' : 'loading')
  const [error, setError] = useState('')

  const load = useCallback(async () => {
    setError('')
    try {
      await loadEvent(id)
      setStatus('ready')
    } catch (failure) {
      setError(toApiError(failure).message)
      setStatus('error')
    }
  }, [id, loadEvent])

  useEffect(() => {
    void load()
  }, [load])
  // Back from 签到 (or anywhere the registration changed): show the new state without a pull-down.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })

  if (!event && status === 'loading') return <LoadingState rows={2} />
  if (!event) return <ErrorState message={error || '没有找到这个活动。'} onRetry={() => void load()} />
  const now = Date.now()
  const rows: [string, string][] = [
    ['时间', formatTimeRange(event.startAt, event.endAt)],
    ['地点', `${event.venue.name}（${event.venue.address}）`],
    ...(event.speaker ? ([['主讲', event.speaker]] as [string, string][]) : []),
    ['报名截止', formatDateTime(event.signupDeadline)],
    ['名额', `${event.capacity} 人，已报名 ${event.registeredCount} 人${event.waitlistCount ? `，候补 ${event.waitlistCount} 人` : ''}`],
    ['学时', `${event.credits} 学时`],
    ...(event.audience.towns.length ? ([['面向', event.audience.towns.join('、')]] as [string, string][]) : []),
    ...(event.contestItems?.length ? ([['比赛项目', event.contestItems.join('、')]] as [string, string][]) : []),
  ]
  return (
    <View>
      {error ? <Text className='zs-stale'>{error}</Text> : null}
      <View className='zs-card'>
        <View className='zs-row'>
          <Tag tone='red'>{typeLabel(event)}</Tag>
          <Tag tone='grey'>{seatsLabel(event, now)}</Tag>
        </View>
        <Text className='ev-detail__title'>{event.title}</Text>
        {rows.map(([key, value]) => (
          <View key={key} className='ev-detail__item'>
            <Text className='ev-detail__key'>{key}</Text>
            <Text className='ev-detail__value'>{value}</Text>
          </View>
        ))}
      </View>
      <View className='zs-card'>
        <Text className='zs-title'>活动介绍</Text>
        <Text className='ev-detail__desc'>{event.description}</Text>
      </View>
      <RegistrationActions event={event} now={now} {...slots} />
    </View>
  )
}
