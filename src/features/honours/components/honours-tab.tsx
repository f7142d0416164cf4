import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { HONOUR_TYPE_LABELS, type Honour, type HonourType } from '@/api/contract/honour'
import { useLoad } from '@/shared/hooks/use-load'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { getHonours } from '@/api/honours'
import { getThemeMonth } from '@/api/theme-months'
import { groupHonours, HONOUR_TYPES, yearChoices } from '../lib/theme-month'
import { HonourRow } from './honour-row'
import { ThemeMonthCard } from './theme-month-card'
import './honours.css'

/** Every honour of a year (pages of 100); promise chains keep the ES5 build free of regenerators. */
function honoursOf(year: number, page = 1, before: Honour[] = []): Promise<Honour[]> {
  return getHonours({ year, page, pageSize: 100 }).then((answer) => {
    const all = before.concat(answer.items)
    return answer.items.length === 0 || all.length >= answer.total ? all : honoursOf(year, page + 1, all)
  })
}

/** The 荣誉墙's honours: of `year`, or, for a theme month not yet held, of the latest year before it. */
function wallOf(year: number, fallBack: boolean): Promise<{ year: number; honours: Honour[] }> {
  return honoursOf(year).then((honours) =>
    honours.length || !fallBack ? { year, honours } : honoursOf(year - 1).then((earlier) => ({ year: year - 1, honours: earlier })),
  )
}

type TypeChoice = 'all' | HonourType
const TYPE_OPTIONS = [{ value: 'all' as TypeChoice, label: '全部' }, ...HONOUR_TYPES.map((t) => ({ value: t as TypeChoice, label: HONOUR_TYPE_LABELS[t] }))]

/**
 * 荣誉 tab: year chips switch both the theme month card and the 荣誉墙. It opens on the year whose theme
 * month is current or next; the wall then shows the latest year that has honours.
 */
export function HonoursTab({ now, onOpenHonour, onOpenEvent, onPublish }: { now: number; onOpenHonour: (id: string) => void; onOpenEvent: (id: string) => void; onPublish?: () => void }) {
  const years = yearChoices(now)
  const [year, setYear] = useState(years[0])
  const [type, setType] = useState<TypeChoice>('all')
  const theme = useLoad(() => getThemeMonth(year), [year])
  const wall = useLoad(() => wallOf(year, year === years[0]), [year])
  const shown = useRef(false)

  // Back from 发布荣誉 or a detail page: show what changed.
  useDidShow(() => {
    if (shown.current) {
      void theme.reload()
      void wall.reload()
    }
    shown.current = true
  })

  const data = wall.data
  const groups = data ? groupHonours(data.honours, type === 'all' ? undefined : type) : []
  return (
    <View>
      <Chips label='年份' options={years.map((y) => ({ value: String(y), label: `${y}年` }))} value={String(year)} onChange={(y) => setYear(Number(y))} />
      <ThemeMonthCard year={year} theme={theme} now={now} onOpenEvent={onOpenEvent} />
      <View className='zs-card'>
        <View className='zs-row'>
          <Text className='zs-title zs-grow'>{data ? `${data.year} 年荣誉墙` : '荣誉墙'}</Text>
          {onPublish ? (
            <AppButton small onTap={onPublish}>
              发布荣誉
            </AppButton>
          ) : null}
        </View>
        {data && data.year !== year ? <Text className='zs-muted'>{year} 年的荣誉尚未评选，先看 {data.year} 年的。</Text> : null}
        <Chips label='荣誉类别' options={TYPE_OPTIONS} value={type} onChange={setType} />
        {wall.status === 'loading' && !data ? <LoadingState /> : null}
        {wall.status === 'error' ? <ErrorState message={wall.error ?? ''} onRetry={() => void wall.reload()} /> : null}
        {data && wall.status !== 'error' && groups.length === 0 ? (
          <EmptyState title={type === 'all' ? `${data.year} 年还没有荣誉` : `${data.year} 年还没有${HONOUR_TYPE_LABELS[type]}`} hint='荣誉在每年 3 月主题活动月评选后公布。' />
        ) : null}
        {wall.status !== 'error'
          ? groups.map((group) => (
              <View key={group.type} className='hn-group'>
                <Text className='hn-group__title'>
                  {group.label} · {group.honours.length} 名
                </Text>
                {group.honours.map((honour) => (
                  <HonourRow key={honour.id} honour={honour} onOpen={onOpenHonour} />
                ))}
              </View>
            ))
          : null}
      </View>
    </View>
  )
}
