import { Picker, Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { usePagedList } from '@/api/kit/use-paged-list'
import { COMMITMENT_STATUS_LABELS, type Commitment, type CommitmentStatus } from '@/api/contract/commitment'
import { MIANZHU_TOWNS } from '@/api/contract/towns'
import { tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { StaleNotice } from '@/shared/ui/stale-notice'
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
const sheetId = (c: Commitment) => c.id

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
  const town = townIndex > 0 ? TOWN_CHOICES[townIndex] : undefined
  const fetchPage = useCallback(
    (page: number) => getCommitments({ year, status: status === 'all' ? undefined : status, town, page, pageSize: PAGE_SIZE }),
    [year, status, town],
  )
  const list = usePagedList(fetchPage, sheetId)
  // Back from a review: statuses changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.refresh()
    shown.current = true
  })
  useReachBottom(list.loadMore)
  const ready = list.status === 'ready'

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
        {year} 年 · 共 {list.total} 份
      </Text>
      {list.status === 'loading' ? <LoadingState rows={3} label='正在加载承诺…' /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={() => void list.refresh()} /> : null}
      {ready && list.items.length === 0 ? <EmptyState title='没有符合条件的履职承诺' hint='换个状态或镇（街道）看看。' /> : null}
      {ready
        ? list.items.map((sheet) => (
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
      {list.staleError && ready ? <StaleNotice message={list.staleError} onRetry={() => void list.retry()} /> : null}
      {list.hasMore ? (
        <AppButton block variant='secondary' loading={list.loadingMore} onTap={list.loadMore}>
          加载更多（{list.items.length}/{list.total}）
        </AppButton>
      ) : null}
    </View>
  )
}
