import { Image, Text, View } from '@tarojs/components'
import type { CommitmentItem } from '@/api/contract/commitment'
import { formatDateTime } from '@/shared/lib/dates'
import { previewImage } from '@/shared/lib/platform/preview-image'
import { Tag } from '@/shared/ui/tag'
import { ProgressBar } from './progress-bar'
import './commitments.css'

/** One item of a sheet as read: category, title, target, metric, due quarter, and (once approved) its 进展 timeline. */
export function ItemProgress({ item, index, showProgress }: { item: CommitmentItem; index: number; showProgress: boolean }) {
  return (
    <View>
      <View className='cm-item__head'>
        <Text className='zs-muted'>第 {index + 1} 项</Text>
        {item.category ? <Tag tone='blue'>{item.category}</Tag> : null}
        {item.dueQuarter ? <Tag>第{item.dueQuarter}季度完成</Tag> : null}
      </View>
      <Text className='cm-item__title'>{item.title || '（未填写标题）'}</Text>
      <Text className='zs-muted'>目标：{item.target || '未填写'}</Text>
      {item.metric ? (
        <Text className='zs-muted'>
          {' '}
          · 指标 {item.metric.targetValue} {item.metric.unit}
        </Text>
      ) : null}
      {showProgress ? (
        <View>
          <View className='zs-row'>
            <Text className='zs-grow'>最新完成度</Text>
            <Text>{item.latestPercent}%</Text>
          </View>
          <ProgressBar percent={item.latestPercent} label={`第 ${index + 1} 项完成度`} />
          {item.progress.length ? (
            <View className='cm-timeline'>
              {item.progress.map((entry) => (
                <View key={entry.quarter} className='cm-entry'>
                  <Text className='cm-banner__title'>
                    第{entry.quarter}季度 · {entry.percent}%
                    {entry.value !== undefined && item.metric ? `（${entry.value} ${item.metric.unit}）` : ''}
                  </Text>
                  {entry.note ? <Text className='zs-muted'>{entry.note}</Text> : null}
                  <Text className='zs-muted'> · {formatDateTime(entry.reportedAt)} 填报</Text>
                  {entry.photos.length ? (
                    <View className='cm-photos'>
                      {entry.photos.map((url) => (
                        <Image
                          key={url}
                          className='cm-photo'
                          src={url}
                          mode='aspectFill'
                          lazyLoad
                          onClick={() => previewImage(entry.photos, url)}
                        />
                      ))}
                    </View>
                  ) : null}
                </View>
              ))}
            </View>
          ) : (
            <Text className='zs-muted'>还没有填报进展。</Text>
          )}
        </View>
      ) : null}
    </View>
  )
}
