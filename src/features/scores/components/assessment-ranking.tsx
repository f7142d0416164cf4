import { Text, View } from '@tarojs/components'
// The virtual list alone: the package's root also pulls in VirtualWaterfall, List and WaterFlow.
import { VirtualList } from '@tarojs/components-advanced/dist/components/virtual-list'
import Taro from '@tarojs/taro'
import { memo, useCallback, useEffect, useMemo, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { ASSESSMENT_FLAG_MEANING, ASSESSMENT_TIE_RULE, formulaInWords } from '@/api/contract/assessment'
import type { Assessment, RankingRow } from '@/api/contract/score'
import { scrollRegion } from '@/shared/ui/a11y'
import { Chips } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { useTextScale } from '@/stores/settings-store'
import { getAssessment } from '@/api/scores'
import { pxScale } from '../platform/px-scale'
import { formatScore, recentYears } from '../lib/year-options'
import './scores.css'

/** Row height in design px (.sc-rank); every row has exactly this height. */
const ROW_HEIGHT = 104

/** One ranking row of fixed height: rank, person, the three parts and the total; flagged rows marked. */
const RankRow = memo(function RankRow({ id, index, data }: { id: string; index: number; data: RankingRow[] }) {
  const row = data[index]
  if (!row) return null
  return (
    <View id={id} className={`sc-rank${row.flagged ? ' sc-rank--flagged' : ''}`}>
      <View className='zs-row'>
        <Text className='sc-rank__no'>{row.rank}</Text>
        <Text className='zs-title zs-grow'>{row.user.name}</Text>
        {row.flagged ? <Tag tone='orange'>审计+巡察</Tag> : null}
        <Text className='zs-title'>{formatScore(row.total)}</Text>
      </View>
      <View className='zs-muted'>{[row.user.town, row.user.village].filter(Boolean).join(' ')}</View>
      <View className='zs-muted'>
        承诺 {formatScore(row.commitment)} · 季度 {formatScore(row.quarterly)} · 出勤 {formatScore(row.attendance)}
      </View>
    </View>
  )
})

/** 年度考核: the formula in words and the ranking (a virtual list), the bottom rows marked for 审计+巡察. */
export function AssessmentRanking() {
  const [years] = useState(recentYears)
  const [year, setYear] = useState(years[0].value)
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; data?: Assessment; error?: string }>({ status: 'loading' })
  // Rows are laid out in CSS sizes × --zs-scale: 大字模式 makes them 1.4× taller too.
  const textScale = useTextScale()
  const viewport = useMemo(() => {
    const info = Taro.getWindowInfo()
    const scale = pxScale()
    // The page's padding (12 design px each side) is outside the list; a numeric width spares a DOM measure.
    return { width: (info.windowWidth || 375) - 24 * scale, height: Math.max(320, (info.windowHeight || 640) * 0.7), itemSize: Math.round(ROW_HEIGHT * scale * textScale) }
  }, [textScale])

  const load = useCallback(async (y: string) => {
    setState({ status: 'loading' })
    try {
      setState({ status: 'ready', data: await getAssessment(Number(y)) })
    } catch (failure) {
      setState({ status: 'error', error: toApiError(failure).message })
    }
  }, [])
  useEffect(() => {
    void load(year)
  }, [load, year])

  const data = state.data
  return (
    <View>
      <Chips label='年份' options={years} value={year} onChange={setYear} />
      {state.status === 'loading' ? <LoadingState rows={4} label='正在加载排名…' /> : null}
      {state.status === 'error' ? <ErrorState message={state.error ?? ''} onRetry={() => void load(year)} /> : null}
      {state.status === 'ready' && data ? (
        <View>
          {!data.final ? (
            <View className='zs-stale' role='status'>
              本年度尚未结束，排名为暂定。
            </View>
          ) : null}
          <View className='zs-card'>
            <Text className='zs-field__label'>计算办法</Text>
            <Text>{formulaInWords(data.formula)}。</Text>
            <Text className='zs-muted'>
              {ASSESSMENT_TIE_RULE}。{ASSESSMENT_FLAG_MEANING}。
            </Text>
          </View>
          {data.ranking.length === 0 ? (
            <EmptyState title='还没有可排名的书记' />
          ) : (
            <VirtualList
              height={viewport.height}
              width={viewport.width}
              itemData={data.ranking}
              itemCount={data.ranking.length}
              itemSize={viewport.itemSize}
              item={RankRow}
              overscanCount={4}
              {...scrollRegion('排名')}
            />
          )}
        </View>
      ) : null}
    </View>
  )
}
