import { Text, View } from '@tarojs/components'
import type { ExamResults } from '@/api/contract/exam'
import { barWidth, bucketLabel, formatPercent, formatScore } from '../lib/results'

/**
 * One bar: its label, a plain CSS bar, and its figure in words. The bar is decoration (aria-hidden);
 * the text says everything, for screen readers and for anyone who reads the number rather than the length.
 */
function Bar({ label, value, max, text, tone }: { label: string; value: number; max: number; text: string; tone?: 'green' | 'blue' }) {
  return (
    <View className='xa-bar'>
      <Text className='xa-bar__label'>{label}</Text>
      <View className='xa-bar__track' aria-hidden='true'>
        <View className={`xa-bar__fill${tone ? ` xa-bar__fill--${tone}` : ''}`} style={{ width: barWidth(value, max) }} />
      </View>
      <Text className='xa-bar__value'>{text}</Text>
    </View>
  )
}

/** 成绩分布: how many best scores fall in each ten-point bucket. */
export function DistributionChart({ distribution }: { distribution: ExamResults['distribution'] }) {
  const most = Math.max(0, ...distribution.map((b) => b.count))
  return (
    <View className='zs-card' role='group' aria-label='成绩分布'>
      <Text className='xa-section-title'>成绩分布（按最好成绩）</Text>
      {distribution.map((b) => (
        <Bar key={b.from} label={bucketLabel(b)} value={b.count} max={most} text={`${b.count} 人`} />
      ))}
    </View>
  )
}

/** 各模块平均分: the mean of each module against its full marks. */
export function ModuleChart({ byModule }: { byModule: ExamResults['byModule'] }) {
  return (
    <View className='zs-card' role='group' aria-label='各模块平均分'>
      <Text className='xa-section-title'>各模块平均分</Text>
      {byModule.length === 0 ? <Text className='zs-muted'>还没有人交卷。</Text> : null}
      {byModule.map((m) => (
        <Bar key={m.module} label={m.module} value={m.mean} max={m.max} tone='blue' text={`${formatScore(m.mean)} / ${formatScore(m.max)} 分`} />
      ))}
    </View>
  )
}

/** 各镇通过率: passRate (0–1) per town, with takers of people. */
export function TownChart({ byTown }: { byTown: ExamResults['byTown'] }) {
  return (
    <View className='zs-card' role='group' aria-label='各镇（街道）通过率'>
      <Text className='xa-section-title'>各镇（街道）通过率</Text>
      {byTown.length === 0 ? <Text className='zs-muted'>没有数据。</Text> : null}
      {byTown.map((t) => (
        <View key={t.town}>
          <Bar label={t.town} value={t.passRate} max={1} tone='green' text={`通过率 ${formatPercent(t.passRate)}`} />
          <Text className='xa-line'>
            {t.town}：应考 {t.people} 人，参考 {t.takers} 人
          </Text>
        </View>
      ))}
    </View>
  )
}
