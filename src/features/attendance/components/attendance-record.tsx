import { VirtualList } from '@tarojs/components-advanced'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { staleMessage, toApiError } from '@/api/api-error'
import type { AttendanceRecord as RecordItem, AttendanceSummary, MyAttendance } from '@/api/contract/attendance'
import { EVENT_TYPE_LABELS } from '@/api/contract/event'
import { formatDateTime, inChina } from '@/shared/lib/dates'
import { Chips, type ChipOption } from '@/shared/ui/chips'
import { StaleNotice } from '@/shared/ui/stale-notice'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { tappable } from '@/shared/ui/a11y'
import { useTextScale } from '@/stores/settings-store'
import { getMyAttendance } from '@/api/attendance'
import { useFillHeight } from '../hooks/use-fill-height'
import {
  ATTENDANCE_LABELS,
  ATTENDANCE_TONES,
  creditsLabel,
  formatCredits,
  formatRate,
  recentYears,
  sortRecords,
} from '../lib/attendance-view'
import { designScale, windowSize } from '../platform/layout'
import './attendance.css'

// Every row has this height in design px (card + gap), as the virtual list needs a fixed one.
const ROW_DESIGN_HEIGHT = 116
// 大字模式 adds one line to the row: at 1.4× the tags and 学时 of its head wrap to two lines.
const LARGE_EXTRA_LINE = 24
const LIST_ID = 'at-record-list'

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; data: MyAttendance; staleError?: string }
  | { status: 'error'; error: string }

const OpenEventContext = createContext<((eventId: string) => void) | undefined>(undefined)

/** One row of the virtual list: type, status tag, 学时, title, date. */
const RecordRow = memo(function RecordRow({ id, index, data }: { id: string; index: number; data: RecordItem[] }) {
  const onOpen = useContext(OpenEventContext)
  const record = data[index]
  const { event } = record
  return (
    <View id={id} className='at-row'>
      <View className='at-row__card' {...tappable('link', () => onOpen?.(event.id))}>
        <View className='zs-row at-row__head'>
          <Tag tone='red'>{EVENT_TYPE_LABELS[event.type]}</Tag>
          <Tag tone={ATTENDANCE_TONES[record.attendance]}>{ATTENDANCE_LABELS[record.attendance]}</Tag>
          <Text className='at-row__credits'>{creditsLabel(record)}</Text>
        </View>
        <Text className='at-row__title'>{event.title}</Text>
        <Text className='at-row__date'>
          {formatDateTime(event.startAt)}
          {record.checkedInAt ? ` · ${inChina(record.checkedInAt).format('HH:mm')} 签到` : ''}
        </Text>
      </View>
    </View>
  )
})

/** The year's 出勤率, 学时 and the count of each attendance. */
function Summary({ summary }: { summary: AttendanceSummary }) {
  const counts = [
    ['出席', summary.present, 'present'],
    ['迟到', summary.late, 'late'],
    ['请假', summary.leave, 'leave'],
    ['缺勤', summary.absent, 'absent'],
  ] as const
  return (
    <View className='zs-card at-summary'>
      <View className='at-summary__main'>
        <View className='at-stat'>
          <Text className='at-stat__value'>{formatRate(summary.rate)}</Text>
          <Text className='at-stat__label'>出勤率</Text>
        </View>
        <View className='at-stat'>
          <Text className='at-stat__value'>{formatCredits(summary.credits)}</Text>
          <Text className='at-stat__label'>学时</Text>
        </View>
      </View>
      <View className='at-summary__counts'>
        {counts.map(([label, count, kind]) => (
          <View key={kind} className={`at-count at-count--${kind}`} aria-label={`${label} ${count} 次`}>
            <Text className='at-count__value'>{count}</Text>
            <Text className='at-count__label'>{label}</Text>
          </View>
        ))}
      </View>
      <Text className='at-summary__rule'>出勤率 =（出席 + 迟到）÷（出席 + 迟到 + 缺勤），请假不计入；学时只计出席和迟到。</Text>
    </View>
  )
}

/** 出勤记录: a year's summary and every event with its attendance tag and 学时, in a virtual list. */
export function AttendanceRecord({ onOpenEvent }: { onOpenEvent?: (eventId: string) => void }) {
  const years = useMemo(() => recentYears(Date.now()), [])
  const yearOptions: ChipOption<string>[] = useMemo(() => years.map((y) => ({ value: String(y), label: `${y}年` })), [years])
  const [year, setYear] = useState(years[0])
  const [state, setState] = useState<LoadState>({ status: 'loading' })
  const request = useRef(0)

  const load = useCallback(async () => {
    const ticket = ++request.current
    setState((s) => (s.status === 'ready' ? { ...s, staleError: undefined } : { status: 'loading' }))
    try {
      const data = await getMyAttendance(year)
      if (ticket === request.current) setState({ status: 'ready', data })
    } catch (failure) {
      if (ticket !== request.current) return
      // A failed refresh keeps the record on screen and says why it may be out of date (离线 without a connection).
      setState((s) => (s.status === 'ready' ? { ...s, staleError: staleMessage(failure) } : { status: 'error', error: toApiError(failure).message }))
    }
  }, [year])

  useEffect(() => {
    setState({ status: 'loading' })
    void load()
  }, [load])
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh())
  })
  // Back from an event's page: refresh quietly; the record stays if that fails.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })

  const records = useMemo(() => (state.status === 'ready' ? sortRecords(state.data.records) : []), [state])
  const scale = useMemo(() => designScale(), [])
  // Rows are laid out in CSS sizes × --zs-scale: 大字模式 makes them 1.4× taller too.
  const textScale = useTextScale()
  const listHeight = useFillHeight(LIST_ID, Math.round(8 * scale), [state.status, records.length, Boolean(state.status === 'ready' && state.staleError)])

  return (
    <View>
      <Chips label='年份' options={yearOptions} value={String(year)} onChange={(value) => setYear(Number(value))} />
      {state.status === 'loading' ? <LoadingState rows={3} /> : null}
      {state.status === 'error' ? <ErrorState message={state.error} onRetry={() => void load()} /> : null}
      {state.status === 'ready' ? (
        <View>
          {state.staleError ? <StaleNotice message={state.staleError} onRetry={() => void load()} /> : null}
          {records.length === 0 ? (
            <EmptyState
              title={year === years[0] ? '今年还没有出勤记录' : `${year}年没有出勤记录`}
              hint='报名参加活动并签到后，出勤情况和学时会显示在这里。下拉可刷新。'
            />
          ) : (
            <View>
              <Summary summary={state.data.summary} />
              <View id={LIST_ID} />
              <OpenEventContext.Provider value={onOpenEvent}>
                <VirtualList
                  className='at-list'
                  height={listHeight}
                  // A number spares the list a measuring query; the style below sets the real width.
                  width={windowSize().width}
                  style={{ width: '100%' }}
                  itemData={records}
                  itemCount={records.length}
                  itemSize={Math.round((ROW_DESIGN_HEIGHT * textScale + (textScale > 1 ? LARGE_EXTRA_LINE : 0)) * scale)}
                  item={RecordRow}
                  overscanCount={4}
                />
              </OpenEventContext.Provider>
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}
