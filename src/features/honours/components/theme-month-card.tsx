import { Text, View } from '@tarojs/components'
import { HONOUR_TYPE_LABELS, type ThemeMonth } from '@/api/contract/honour'
import { formatDateTime } from '@/shared/lib/dates'
import type { Loaded } from '@/shared/hooks/use-load'
import { tappable } from '@/shared/ui/a11y'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { HONOUR_TYPES, isOnEquinox, monthDayLabel, phaseLabel, sortAgenda, themePhase } from '../lib/theme-month'

/** The theme month card of a year: dates, 春分, the countdown in February–March, the agenda, then a recap. */
export function ThemeMonthCard({ year, theme, now, onOpenEvent }: { year: number; theme: Loaded<ThemeMonth>; now: number; onOpenEvent: (id: string) => void }) {
  const data = theme.data?.year === year ? theme.data : undefined
  return (
    <View className='zs-card hn-theme'>
      <Text className='zs-title'>{year} 年支书主题活动月</Text>
      {!data && theme.status === 'error' ? <ErrorState message={theme.error ?? ''} onRetry={() => void theme.reload()} /> : null}
      {!data && theme.status !== 'error' ? <LoadingState rows={1} /> : null}
      {data ? <ThemeMonthBody data={data} now={now} onOpenEvent={onOpenEvent} /> : null}
    </View>
  )
}

function ThemeMonthBody({ data, now, onOpenEvent }: { data: ThemeMonth; now: number; onOpenEvent: (id: string) => void }) {
  const phase = themePhase(data.year, data.equinox, now)
  const countdown = phaseLabel(phase)
  return (
    <View>
      <Text className='hn-theme__dates'>3月1日–3月31日 · 春分 {monthDayLabel(data.equinox)}</Text>
      {countdown ? <Text className='hn-theme__countdown'>{countdown}</Text> : null}
      {phase.kind === 'over' ? (
        <View className='hn-theme__recap'>
          <Text className='hn-theme__line'>
            共举办 {data.activities.length} 场活动，颁发 {data.honours.length} 项荣誉
          </Text>
          {HONOUR_TYPES.map((type) => {
            const count = data.honours.filter((h) => h.type === type).length
            return count ? (
              <Text key={type} className='hn-theme__line'>
                {HONOUR_TYPE_LABELS[type]} {count} 名
              </Text>
            ) : null
          })}
        </View>
      ) : (
        <View className='hn-theme__agenda'>
          <Text className='hn-theme__sub'>活动安排</Text>
          {data.activities.length === 0 ? <Text className='zs-muted'>3月的活动尚未发布，发布后会在这里列出。</Text> : null}
          {sortAgenda(data.activities, data.equinox).map((event) => (
            <View key={event.id} className='hn-agenda' {...tappable('link', () => onOpenEvent(event.id))}>
              {isOnEquinox(event, data.equinox) ? <Tag tone='red'>春分日</Tag> : null}
              <Text className='hn-agenda__title'>{event.title}</Text>
              <Text className='hn-agenda__time'>{formatDateTime(event.startAt)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
