import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { chinaMonthDayTime } from '@/api/contract/time'
import { ASSESSMENT_FLAG_MEANING, ASSESSMENT_FORMULA, formulaInWords } from '@/api/contract/assessment'
import type { MyScores as MyScoresData } from '@/api/contract/score'
import { Chips } from '@/shared/ui/chips'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { getMyScores } from '@/api/scores'
import { formatScore, recentYears } from '../lib/year-options'
import './scores.css'

/** 我的 → 考核: the four 季度评分 of a year with comments and, after the year, the 年度考核 result. */
export function MyScores() {
  const [years] = useState(recentYears)
  const [year, setYear] = useState(years[0].value)
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; data?: MyScoresData; error?: string }>({ status: 'loading' })

  const load = useCallback(async (y: string) => {
    setState({ status: 'loading' })
    try {
      setState({ status: 'ready', data: await getMyScores(Number(y)) })
    } catch (failure) {
      setState({ status: 'error', error: toApiError(failure).message })
    }
  }, [])
  useEffect(() => {
    void load(year)
  }, [load, year])

  return (
    <View>
      <Chips label='年份' options={years} value={year} onChange={setYear} />
      {state.status === 'loading' ? <LoadingState rows={2} label='正在加载考核…' /> : null}
      {state.status === 'error' ? <ErrorState message={state.error ?? ''} onRetry={() => void load(year)} /> : null}
      {state.status === 'ready' && state.data ? <ScoresView year={year} data={state.data} /> : null}
    </View>
  )
}

function ScoresView({ year, data }: { year: string; data: MyScoresData }) {
  const { assessment } = data
  return (
    <View>
      <View className='zs-card'>
        <Text className='zs-title'>季度评分</Text>
        {[1, 2, 3, 4].map((quarter) => {
          const scored = data.quarters.find((q) => q.quarter === quarter)
          return (
            <View key={quarter} className='sc-line'>
              <Text>第{quarter}季度</Text>
              <View className='zs-grow'>{scored?.comment ? <Text className='zs-muted'>{scored.comment}</Text> : null}</View>
              <Text className={scored ? 'zs-title' : 'zs-muted'}>{scored ? `${formatScore(scored.score)} 分` : '未评分'}</Text>
            </View>
          )
        })}
      </View>
      <View className='zs-card'>
        <Text className='zs-title'>年度考核</Text>
        {assessment ? (
          <View>
            <View className='zs-row'>
              <View className='zs-grow'>
                <Text className='zs-muted'>总分</Text>
                <Text className='sc-big'> {formatScore(assessment.total)}</Text>
              </View>
              <Text>
                第 {assessment.rank} 名 / 共 {assessment.of} 人
              </Text>
            </View>
            <View className='sc-line'>
              <Text className='zs-grow'>承诺完成度</Text>
              <Text>{formatScore(assessment.parts.commitment)}</Text>
            </View>
            <View className='sc-line'>
              <Text className='zs-grow'>季度评分平均</Text>
              <Text>{formatScore(assessment.parts.quarterly)}</Text>
            </View>
            <View className='sc-line'>
              <Text className='zs-grow'>出勤率 × 100</Text>
              <Text>{formatScore(assessment.parts.attendance)}</Text>
            </View>
            {assessment.flagged ? (
              <View className='sc-note' role='note'>
                <Text className='zs-title'>列入末位审计和巡察</Text>
                <Text>
                  按考核办法，{year} 年综合得分排在最后 {ASSESSMENT_FORMULA.bottomFlagged} 名的书记列入审计和巡察，您在其中。{ASSESSMENT_FLAG_MEANING}。
                  这不是处分。您的排名只有您本人和组织部门能看到；如有疑问，请联系镇党委。
                </Text>
              </View>
            ) : null}
          </View>
        ) : (
          <Text className='zs-muted'>{year} 年的年度考核在年底后公布，届时这里会显示总分和排名。</Text>
        )}
        <Text className='zs-muted'>计算办法：{formulaInWords(ASSESSMENT_FORMULA)}。</Text>
      </View>
      {data.history && data.history.length > 0 ? (
        <View className='zs-card'>
          <Text className='zs-title'>评分记录</Text>
          <Text className='zs-muted'>组织部门每次录入或修改您的季度评分，都记在这里。</Text>
          {data.history.map((change, index) => (
            <View key={`${change.at}-${index}`} className='sc-line'>
              <Text>第{change.quarter}季度</Text>
              <View className='zs-grow'>
                <Text className='zs-muted'>
                  {chinaMonthDayTime(Date.parse(change.at))} {change.by.name}
                </Text>
              </View>
              <Text>{change.from === null ? `录入 ${formatScore(change.to)} 分` : `${formatScore(change.from)} → ${formatScore(change.to)} 分`}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
