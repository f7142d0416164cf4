import { Text, View } from '@tarojs/components'
import type { Event } from '@/api/contract/event'
import { formatDateTime, formatTimeRange } from '@/shared/lib/dates'
import { tappable } from '@/shared/ui/a11y'
import { Tag } from '@/shared/ui/tag'
import { seatsLabel, signupState, typeLabel } from '../lib/signup-state'

const TONES = { registered: 'green', checkin: 'green', leave: 'blue', waitlisted: 'orange', open: 'blue', full: 'orange' } as const

/** One row of an event list: type, title, time, place, seats or 候补, deadline. */
export function EventCard({ event, now, onOpen }: { event: Event; now: number; onOpen: (id: string) => void }) {
  const state = signupState(event, now)
  const tone = state.kind === 'checked-in' ? (state.attendance === 'late' ? 'orange' : 'green') : (TONES[state.kind as keyof typeof TONES] ?? 'grey')
  return (
    <View className='zs-card ev-card' {...tappable('link', () => onOpen(event.id))}>
      <View className='zs-row ev-card__head'>
        <Tag tone='red'>{typeLabel(event)}</Tag>
        <Tag tone={tone}>{seatsLabel(event, now)}</Tag>
      </View>
      <Text className='ev-card__title'>{event.title}</Text>
      <Text className='ev-card__line'>时间：{formatTimeRange(event.startAt, event.endAt)}</Text>
      <Text className='ev-card__line'>地点：{event.venue.name}</Text>
      {state.kind === 'open' || state.kind === 'full' ? (
        <Text className='ev-card__line ev-card__deadline'>报名截止：{formatDateTime(event.signupDeadline)}</Text>
      ) : null}
    </View>
  )
}
