import { Picker, Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { COMMITMENT_STATUS_LABELS, type Commitment, type CommitmentStatus } from '@/api/contract/commitment'
import { MIANZHU_TOWNS } from '@/shared/lib/towns'
import { tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { getCommitments } from '@/api/commitments'
import { ProgressBar } from './progress-bar'
import './commitments.css'

type StatusFilter = CommitmentStatus | 'all'
const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'returned', label: '已退回' },
  { value: 'approved', label: '已通过' },
  { value: 'draft', label: '草稿' },
  { value: 'all', label: '全部' },
]
const TOWN_CHOICES = ['全部镇（街道）', ...MIANZHU_TOWNS]
const PAGE_SIZE = 20

/** The tone of a status tag. */
export const STATUS_TONES: Record<CommitmentStatus, 'grey' | 'blue' | 'orange' | 'green'> = {
  draft: 'grey',
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
}

/** 承诺审核: the sheets of a year by status and town, 20 a page, each opening its detail. */
export function ReviewList({ year, onOpen }: { year: number; onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<StatusFilter>('submitted')
  const [townIndex, setTownIndex] = useState(0)
  const [rows, setRows] = useState<Commitment[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(1)
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error' | 'more'>('loading')
  const [error, setError] = useState('')
  const ticket = useRef(0)
  const town = townIndex > 0 ? TOWN_CHOICES[townIndex] : undefined

  const load = useCallback(
    async (pageNo: number) => {
      const mine = ++ticket.current
      setPhase(pageNo === 1 ? 'loading' : 'more')
      setError('')
      try {
        const answer = await getCommitments({ year, status: status === 'all' ? undefined : status, town, page: pageNo, pageSize: PAGE_SIZE })
        if (mine !== ticket.current) return
        setRows((old) => (pageNo === 1 ? answer.items : [...old, ...answer.items.filter((c) => !old.some((o) => o.id === c.id))]))
        setTotal(answer.total)
        setPage(pageNo)
        setPhase('ready')
      } catch (failure) {
        if (mine !== ticket.current) return
        setError(toApiError(failure).message)
        setPhase(pageNo === 1 ? 'error' : 'ready')
      }
    },
    [year, status, town],
  )
  useEffect(() => {
    void load(1)
  }, [load])
  // Back from a review: statuses changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load(1)
    shown.current = true
  })
  const hasMore = rows.length < total
  useReachBottom(() => {
    if (phase === 'ready' && hasMore) void load(page + 1)
  })

  return (
    <View>
      <Chips label='状态' options={STATUS_OPTIONS} value={status} onChange={setStatus} />
      <Picker mode='selector' range={TOWN_CHOICES} value={townIndex} onChange={(e) => setTownIndex(Number(e.detail.value))}>
        <View className='zs-input zs-row' {...tappable('button')}>
          <Text className='zs-visually-hidden'>镇（街道）</Text>
          <Text className='zs-grow'>{TOWN_CHOICES[townIndex]}</Text>
          <Text aria-hidden='true'>▾</Text>
        </View>
      </Picker>
      <Text className='zs-muted'>
        {year} 年 · 共 {total} 份
      </Text>
      {phase === 'loading' ? <LoadingState rows={3} label='正在加载承诺…' /> : null}
      {phase === 'error' ? <ErrorState message={error} onRetry={() => void load(1)} /> : null}
      {phase !== 'loading' && phase !== 'error' && rows.length === 0 ? <EmptyState title='没有符合条件的履职承诺' hint='换个状态或镇（街道）看看。' /> : null}
      {phase !== 'loading' && phase !== 'error'
        ? rows.map((sheet) => (
            <View key={sheet.id} className='zs-card' {...tappable('button', () => onOpen(sheet.id))}>
              <View className='zs-row'>
                <Text className='cm-item__title zs-grow'>{sheet.owner.name}</Text>
                <Tag tone={STATUS_TONES[sheet.status]}>{COMMITMENT_STATUS_LABELS[sheet.status]}</Tag>
              </View>
              <Text className='zs-muted'>
                {[sheet.owner.town, sheet.owner.village].filter(Boolean).join(' ')} · {sheet.items.length} 项 · 完成度 {sheet.completion}%
              </Text>
              <ProgressBar percent={sheet.completion} label={`${sheet.owner.name}的完成度`} />
            </View>
          ))
        : null}
      {error && phase === 'ready' ? (
        <View className='zs-stale' role='alert'>
          {error}
        </View>
      ) : null}
      {hasMore && phase !== 'loading' && phase !== 'error' ? (
        <AppButton block variant='secondary' loading={phase === 'more'} onTap={() => void load(page + 1)}>
          加载更多（{rows.length}/{total}）
        </AppButton>
      ) : null}
    </View>
  )
}
