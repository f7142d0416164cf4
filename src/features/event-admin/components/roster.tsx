import { Text, View } from '@tarojs/components'
// The virtual list alone: the package's root also pulls in VirtualWaterfall, List and WaterFlow.
import { VirtualList } from '@tarojs/components-advanced/dist/components/virtual-list'
import Taro from '@tarojs/taro'
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { Event, RosterRow } from '@/api/contract/event'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { Chips, type ChipOption } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { tappable } from '@/shared/ui/a11y'
import { useTextScale } from '@/stores/settings-store'
import { exportRoster } from '@/features/event-admin/lib/export-roster'
import { useQuickAttendance, type QuickFailure } from '../hooks/use-quick-attendance'
import { useRoster } from '../hooks/use-roster'
import { csvFileName } from '@/api/csv-download'
import { measureTop } from '../platform/measure-top'
import { pxScale } from '../platform/px-scale'
import {
  ATTENDANCE_LABELS,
  ATTENDANCE_TONES,
  auditLine,
  checkinTimeLabel,
  filterRoster,
  quickAttendance,
  quickLabel,
  rosterCounts,
  statusLabel,
  type AttendanceFilter,
  type StatusFilter,
} from '../lib/roster'
import { AttendanceSheet } from './attendance-sheet'
import './event-admin.css'

/** Row height in design px (.ea-row__main: 8 + 30 + 3 × 24 + 8, plus the row's border); every row has exactly this height. */
const ROW_HEIGHT = 120
const LIST_ID = 'ea-roster-list'
const ATTENDANCE_FILTERS = ['pending', 'present', 'late', 'leave', 'absent'] as const
const NO_ITEM_DATA: never[] = []

/**
 * What the rows read: the rows shown, the tap handlers, whose change is on its way and the event's day.
 * The rows come through context rather than the list's itemData, so a changed row does not render the
 * list again (whose scroll view would then set its scrollTop and force a layout of the page).
 */
type RowData = {
  rows: RosterRow[]
  onSelect: (userId: string) => void
  /** The quick 出席 / 缺勤; absent when the event is cancelled. */
  onQuick?: (userId: string) => void
  busy: ReadonlySet<string>
  eventStart?: string
}
const RowContext = createContext<RowData>({ rows: [], onSelect: () => {}, busy: new Set() })

/** A slot of the virtual list: looks up its person and hands the row over. */
function RosterSlot({ id, index }: { id: string; index: number }) {
  const { rows, onSelect, onQuick, busy, eventStart } = useContext(RowContext)
  const row = rows[index]
  return row ? (
    <RosterRowView id={id} row={row} onSelect={onSelect} onQuick={onQuick} busy={busy.has(row.user.id)} eventStart={eventStart} />
  ) : null
}

/**
 * One roster row of fixed height: its main part opens the sheet (details, the full audit trail, 迟到 /
 * 请假 and a note), and beside it a quick button marks 出席 (缺勤 on a 出席 row) in one tap. A changed
 * person gets a new row object and the rest keep theirs: after a toggle only that row renders again.
 */
const RosterRowView = memo(function RosterRowView({
  id,
  row,
  onSelect,
  onQuick,
  busy,
  eventStart,
}: {
  id: string
  row: RosterRow
  onSelect: (userId: string) => void
  onQuick?: (userId: string) => void
  busy: boolean
  eventStart?: string
}) {
  const last = row.audit[row.audit.length - 1]
  const quick = onQuick ? quickAttendance(row) : null
  const beside = quick ? 'ea-row__line ea-row__line--beside' : 'ea-row__line'
  return (
    <View id={id} className='ea-row'>
      <View className='ea-row__main' {...tappable('button', () => onSelect(row.user.id))}>
        <View className='ea-row__top'>
          <Text className='ea-row__name'>{row.user.name}</Text>
          <Tag tone={row.status === 'registered' ? 'green' : row.status === 'waitlisted' ? 'orange' : 'grey'}>{statusLabel(row)}</Tag>
          <Tag tone={ATTENDANCE_TONES[row.attendance]}>{ATTENDANCE_LABELS[row.attendance]}</Tag>
        </View>
        <Text className='ea-row__line'>
          {[row.user.town, row.user.village].filter(Boolean).join(' ')} · {row.user.phone}
        </Text>
        <Text className={beside}>
          {checkinTimeLabel(row.checkedInAt, eventStart)}
          {row.leaveReason ? ` · 请假：${row.leaveReason}` : ''}
        </Text>
        {last ? (
          <Text className={`${beside} ea-row__audit`}>
            {auditLine(last)}
            {last.note ? `（${last.note}）` : ''}
          </Text>
        ) : null}
      </View>
      {quick && onQuick ? (
        <View
          className={`ea-row__quick ea-row__quick--${quick}${busy ? ' ea-row__quick--busy' : ''}`}
          {...tappable('button', () => onQuick(row.user.id))}
          aria-disabled={busy}
          aria-busy={busy}
        >
          {/* Hidden text names the button for H5 and weapp alike (Taro drops aria-label on weapp). */}
          <Text className='zs-visually-hidden'>{quickLabel(row.user.name, quick)}</Text>
          <Text aria-hidden='true'>{ATTENDANCE_LABELS[quick]}</Text>
        </View>
      ) : null}
    </View>
  )
})

/** The quick changes that failed, each with its reason, 重试 (same Idempotency-Key) and 知道了. */
const QuickFailures = memo(function QuickFailures({
  failures,
  onRetry,
  onDismiss,
}: {
  failures: QuickFailure[]
  onRetry: (userId: string) => void
  onDismiss: (userId: string) => void
}) {
  if (!failures.length) return null
  return (
    <View className='ea-quick-failures'>
      {failures.map((f) => (
        <View key={f.userId} className='ea-banner' role='alert'>
          <Text>{f.message}</Text>
          <View className='ea-quick-failures__actions'>
            <AppButton small variant='plain' onTap={() => onRetry(f.userId)}>
              重试
            </AppButton>
            <AppButton small variant='plain' onTap={() => onDismiss(f.userId)}>
              知道了
            </AppButton>
          </View>
        </View>
      ))}
    </View>
  )
})

/** Chips that render again only when their options, value or handler change (a toggle changes one row's counts). */
const FilterChips = memo(Chips) as typeof Chips

/** Everything above the list: title, counts, 导出, the paging note and the filters. */
const RosterHead = memo(function RosterHead({
  event,
  loaded,
  total,
  loadingRest,
  restError,
  statusOptions,
  attendanceOptions,
  status,
  attendance,
  exporting,
  exportError,
  onStatus,
  onAttendance,
  onResume,
  onExport,
}: {
  event: Event | null
  loaded: number
  total: number
  loadingRest: boolean
  restError?: string
  statusOptions: ChipOption<StatusFilter>[]
  attendanceOptions: ChipOption<AttendanceFilter>[]
  status: StatusFilter
  attendance: AttendanceFilter
  exporting: boolean
  exportError: string
  onStatus: (value: StatusFilter) => void
  onAttendance: (value: AttendanceFilter) => void
  onResume: () => void
  onExport: () => void
}) {
  return (
    <View className='ea-roster__head'>
      <Text className='ea-roster__title'>{event?.title}</Text>
      <View className='ea-roster__summary'>
        <Text className='zs-grow zs-muted'>
          {event ? `已报名 ${event.registeredCount}/${event.capacity} · 候补 ${event.waitlistCount}` : ''}
          {loadingRest ? ` · 正在加载 ${loaded}/${total}` : ''}
        </Text>
        <AppButton small variant='secondary' loading={exporting} onTap={onExport}>
          导出
        </AppButton>
      </View>
      {restError ? (
        <View className='ea-note zs-row' role='alert'>
          <Text className='zs-grow'>
            已加载 {loaded}/{total} 人。{restError}
          </Text>
          <AppButton small variant='plain' onTap={onResume}>
            继续加载
          </AppButton>
        </View>
      ) : null}
      <Alert className='ea-banner' message={exportError} />
      <View className='ea-roster__filters'>
        <FilterChips label='报名状态' options={statusOptions} value={status} onChange={onStatus} />
        <FilterChips label='出勤' options={attendanceOptions} value={attendance} onChange={onAttendance} />
      </View>
    </View>
  )
})

/**
 * 名单 of an event: every registration in a virtual list (smooth at 5,000 rows), filters by status
 * and attendance, one tap for 出席 / 缺勤 (shown at once, confirmed by the server), a person's sheet to
 * override attendance with a note, and 导出 as CSV. Opening a sheet renders only the sheet, and a
 * change renders that person's row and the counts: the work per tap does not grow with the roster.
 */
export function Roster({ eventId }: { eventId: string }) {
  const roster = useRoster(eventId)
  const quick = useQuickAttendance(eventId, roster)
  const [status, setStatus] = useState<StatusFilter>('all')
  const [attendance, setAttendance] = useState<AttendanceFilter>('all')
  const [selected, setSelected] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState('')
  const [listTop, setListTop] = useState<number | null>(null)

  const rows = useMemo(() => filterRoster(roster.rows, status, attendance), [roster.rows, status, attendance])
  const counts = useMemo(() => rosterCounts(roster.rows), [roster.rows])
  // Built from the numbers, so a toggle that leaves the status counts alone leaves those chips alone.
  const { all, registered, waitlisted, cancelled } = counts.status
  const statusOptions = useMemo<ChipOption<StatusFilter>[]>(
    () => [
      { value: 'all', label: `全部 ${all}` },
      { value: 'registered', label: `已报名 ${registered}` },
      { value: 'waitlisted', label: `候补 ${waitlisted}` },
      { value: 'cancelled', label: `已取消 ${cancelled}` },
    ],
    [all, registered, waitlisted, cancelled],
  )
  const attendanceOptions = useMemo<ChipOption<AttendanceFilter>[]>(
    () => [
      { value: 'all', label: '全部出勤' },
      ...ATTENDANCE_FILTERS.map((value) => ({ value, label: `${ATTENDANCE_LABELS[value]} ${counts.attendance[value]}` })),
    ],
    [counts.attendance],
  )
  // Rows are laid out in CSS sizes × --zs-scale: 大字模式 makes them 1.4× taller too.
  const textScale = useTextScale()
  const viewport = useMemo(() => {
    const info = Taro.getWindowInfo()
    return { width: info.windowWidth || 375, height: info.windowHeight || 640, itemSize: Math.round(ROW_HEIGHT * pxScale() * textScale) }
  }, [textScale])
  // A cancelled event takes no attendance (the server refuses it): its rows have no quick button.
  const onQuick = roster.event?.status === 'cancelled' ? undefined : quick.toggle
  const rowData = useMemo(
    () => ({ rows, onSelect: setSelected, onQuick, busy: quick.busy, eventStart: roster.event?.startAt }),
    [rows, onQuick, quick.busy, roster.event?.startAt],
  )
  const selectedRow = selected ? roster.rows.find((r) => r.user.id === selected) : undefined
  // The hook hands out new functions on every render; the memoised head gets stable ones.
  const latest = useRef(roster)
  useEffect(() => {
    latest.current = roster
  })
  const onResume = useCallback(() => latest.current.resume(), [])
  const title = roster.event?.title
  const onExport = useCallback(async () => {
    setExporting(true)
    setExportError('')
    try {
      await exportRoster(eventId, csvFileName(`${title ?? '活动'}-名单`))
      void Taro.showToast({ title: '名单已导出', icon: 'success' })
    } catch (failure) {
      setExportError(`导出失败：${toApiError(failure).message}`)
    } finally {
      setExporting(false)
    }
  }, [eventId, title])

  // The list fills the window below the header, whose height changes with its messages.
  const failuresKey = quick.failures.map((f) => `${f.userId}:${f.message}`).join('|')
  const headerKey = `${roster.status}|${roster.loadingRest}|${roster.restError ?? ''}|${exportError}|${failuresKey}|${rows.length === 0}`
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

  const listHeight = Math.max(240, viewport.height - (listTop ?? 0))
  // Rendered again when the rows come and go, not when one of them changes (that goes through RowContext).
  const list = useMemo(
    () => (
      <View id={LIST_ID}>
        <VirtualList
          // A new filter starts at the top: a scroll offset deep in the old list would show nothing.
          key={`${status}|${attendance}`}
          height={listHeight}
          width={viewport.width}
          // The slots read their rows from RowContext.
          itemData={NO_ITEM_DATA}
          itemCount={rows.length}
          itemSize={viewport.itemSize}
          item={RosterSlot}
          overscanCount={4}
        />
      </View>
    ),
    [status, attendance, listHeight, viewport, rows.length],
  )

  if (roster.status === 'loading') return <LoadingState rows={5} label='正在加载名单…' />
  if (roster.status === 'error') return <ErrorState message={roster.error ?? ''} onRetry={() => void roster.reload()} />

  return (
    <View className='ea-roster'>
      <RosterHead
        event={roster.event}
        loaded={roster.rows.length}
        total={roster.total}
        loadingRest={roster.loadingRest}
        restError={roster.restError}
        statusOptions={statusOptions}
        attendanceOptions={attendanceOptions}
        status={status}
        attendance={attendance}
        exporting={exporting}
        exportError={exportError}
        onStatus={setStatus}
        onAttendance={setAttendance}
        onResume={onResume}
        onExport={onExport}
      />
      <QuickFailures failures={quick.failures} onRetry={quick.retry} onDismiss={quick.dismiss} />
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
        <RowContext.Provider value={rowData}>{list}</RowContext.Provider>
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
