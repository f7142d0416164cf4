import { Text, View } from '@tarojs/components'
// The virtual list alone: the package's root also pulls in VirtualWaterfall, List and WaterFlow.
import { VirtualList } from '@tarojs/components-advanced/dist/components/virtual-list'
import Taro from '@tarojs/taro'
import { createContext, memo, useContext, useEffect, useMemo, useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { RosterRow } from '@/api/contract/event'
import { AppButton } from '@/shared/ui/app-button'
import { Chips, type ChipOption } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { useTextScale } from '@/stores/settings-store'
import { exportRoster } from '../api/export-roster'
import { useRoster } from '../hooks/use-roster'
import { csvFileName } from '../lib/download-error'
import { measureTop } from '../lib/measure-top'
import { pxScale } from '../lib/px-scale'
import {
  ATTENDANCE_LABELS,
  ATTENDANCE_TONES,
  auditLine,
  checkinTimeLabel,
  filterRoster,
  rosterCounts,
  statusLabel,
  type AttendanceFilter,
  type StatusFilter,
} from '../lib/roster'
import { AttendanceSheet } from './attendance-sheet'
import './event-admin.css'

/** Row height in design px (.ea-row: 8 + 30 + 3 × 24 + 8, plus its border); every row has exactly this height. */
const ROW_HEIGHT = 120
const LIST_ID = 'ea-roster-list'

/** What a row needs besides its data: the tap handler and the event's day. */
const RowContext = createContext<{ onSelect: (userId: string) => void; eventStart?: string }>({ onSelect: () => {} })

/** One roster row of fixed height; details and the full audit trail open in a sheet. */
const RosterRowView = memo(function RosterRowView({ id, index, data }: { id: string; index: number; data: RosterRow[] }) {
  const { onSelect, eventStart } = useContext(RowContext)
  const row = data[index]
  if (!row) return null
  const last = row.audit[row.audit.length - 1]
  return (
    <View id={id} className='ea-row' role='button' onClick={() => onSelect(row.user.id)}>
      <View className='ea-row__top'>
        <Text className='ea-row__name'>{row.user.name}</Text>
        <Tag tone={row.status === 'registered' ? 'green' : row.status === 'waitlisted' ? 'orange' : 'grey'}>{statusLabel(row)}</Tag>
        <Tag tone={ATTENDANCE_TONES[row.attendance]}>{ATTENDANCE_LABELS[row.attendance]}</Tag>
      </View>
      <Text className='ea-row__line'>
        {[row.user.town, row.user.village].filter(Boolean).join(' ')} · {row.user.phone}
      </Text>
      <Text className='ea-row__line'>
        {checkinTimeLabel(row.checkedInAt, eventStart)}
        {row.leaveReason ? ` · 请假：${row.leaveReason}` : ''}
      </Text>
      {last ? (
        <Text className='ea-row__line ea-row__audit'>
          {auditLine(last)}
          {last.note ? `（${last.note}）` : ''}
        </Text>
      ) : null}
    </View>
  )
})

/**
 * 名单 of an event: every registration in a virtual list (smooth at 5,000 rows), filters by status
 * and attendance, a tap to override attendance, and 导出 as CSV.
 */
export function Roster({ eventId }: { eventId: string }) {
  const roster = useRoster(eventId)
  const [status, setStatus] = useState<StatusFilter>('all')
  const [attendance, setAttendance] = useState<AttendanceFilter>('all')
  const [selected, setSelected] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState('')
  const [listTop, setListTop] = useState<number | null>(null)

  const rows = useMemo(() => filterRoster(roster.rows, status, attendance), [roster.rows, status, attendance])
  const counts = useMemo(() => rosterCounts(roster.rows), [roster.rows])
  // Rows are laid out in CSS sizes × --zs-scale: 大字模式 makes them 1.4× taller too.
  const textScale = useTextScale()
  const viewport = useMemo(() => {
    const info = Taro.getWindowInfo()
    return { width: info.windowWidth || 375, height: info.windowHeight || 640, itemSize: Math.round(ROW_HEIGHT * pxScale() * textScale) }
  }, [textScale])
  const context = useMemo(() => ({ onSelect: setSelected, eventStart: roster.event?.startAt }), [roster.event?.startAt])
  const selectedRow = selected ? roster.rows.find((r) => r.user.id === selected) : undefined

  // The list fills the window below the header, whose height changes with its messages.
  const headerKey = `${roster.status}|${roster.loadingRest}|${roster.restError ?? ''}|${exportError}|${rows.length === 0}`
  useEffect(() => {
    if (roster.status !== 'ready') return
    let live = true
    void measureTop(LIST_ID).then((top) => {
      if (live && top !== null) setListTop(top)
    })
    return () => {
      live = false
    }
  }, [headerKey, roster.status])

  if (roster.status === 'loading') return <LoadingState rows={5} label='正在加载名单…' />
  if (roster.status === 'error') return <ErrorState message={roster.error ?? ''} onRetry={() => void roster.reload()} />

  const statusOptions: ChipOption<StatusFilter>[] = [
    { value: 'all', label: `全部 ${counts.status.all}` },
    { value: 'registered', label: `已报名 ${counts.status.registered}` },
    { value: 'waitlisted', label: `候补 ${counts.status.waitlisted}` },
    { value: 'cancelled', label: `已取消 ${counts.status.cancelled}` },
  ]
  const attendanceOptions: ChipOption<AttendanceFilter>[] = [
    { value: 'all', label: '全部出勤' },
    ...(['pending', 'present', 'late', 'leave', 'absent'] as const).map((value) => ({
      value,
      label: `${ATTENDANCE_LABELS[value]} ${counts.attendance[value]}`,
    })),
  ]

  const onExport = async () => {
    setExporting(true)
    setExportError('')
    try {
      await exportRoster(eventId, csvFileName(`${roster.event?.title ?? '活动'}-名单`))
      void Taro.showToast({ title: '名单已导出', icon: 'success' })
    } catch (failure) {
      setExportError(`导出失败：${toApiError(failure).message}`)
    } finally {
      setExporting(false)
    }
  }

  const listHeight = Math.max(240, viewport.height - (listTop ?? 0))
  return (
    <View className='ea-roster'>
      <View className='ea-roster__head'>
        <Text className='ea-roster__title'>{roster.event?.title}</Text>
        <View className='ea-roster__summary'>
          <Text className='zs-grow zs-muted'>
            {roster.event ? `已报名 ${roster.event.registeredCount}/${roster.event.capacity} · 候补 ${roster.event.waitlistCount}` : ''}
            {roster.loadingRest ? ` · 正在加载 ${roster.rows.length}/${roster.total}` : ''}
          </Text>
          <AppButton small variant='secondary' loading={exporting} onTap={() => void onExport()}>
            导出
          </AppButton>
        </View>
        {roster.restError ? (
          <View className='ea-note zs-row' role='alert'>
            <Text className='zs-grow'>
              已加载 {roster.rows.length}/{roster.total} 人。{roster.restError}
            </Text>
            <AppButton small variant='plain' onTap={roster.resume}>
              继续加载
            </AppButton>
          </View>
        ) : null}
        {exportError ? (
          <View className='ea-banner' role='alert'>
            {exportError}
          </View>
        ) : null}
        <View className='ea-roster__filters'>
          <Chips label='报名状态' options={statusOptions} value={status} onChange={setStatus} />
          <Chips label='出勤' options={attendanceOptions} value={attendance} onChange={setAttendance} />
        </View>
      </View>
      {roster.total === 0 ? (
        <EmptyState title='还没有人报名' hint='书记报名或候补后会出现在这里，返回后再打开可刷新。' />
      ) : rows.length === 0 ? (
        <EmptyState
          title='没有符合条件的人'
          hint='换个筛选条件试试。'
          actionText='显示全部'
          onAction={() => {
            setStatus('all')
            setAttendance('all')
          }}
        />
      ) : (
        <View id={LIST_ID}>
          <RowContext.Provider value={context}>
            <VirtualList
              // A new filter starts at the top: a scroll offset deep in the old list would show nothing.
              key={`${status}|${attendance}`}
              height={listHeight}
              width={viewport.width}
              itemData={rows}
              itemCount={rows.length}
              itemSize={viewport.itemSize}
              item={RosterRowView}
              overscanCount={4}
            />
          </RowContext.Provider>
        </View>
      )}
      {selectedRow ? (
        <AttendanceSheet
          eventId={eventId}
          row={selectedRow}
          eventStart={roster.event?.startAt}
          onClose={() => setSelected(null)}
          onSaved={roster.updateRow}
        />
      ) : null}
    </View>
  )
}
