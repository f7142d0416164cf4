import { Text, View } from '@tarojs/components'
import { HONOUR_TYPE_LABELS } from '@/api/contract/honour'
import { useLoad } from '@/shared/hooks/use-load'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { getHonour } from '@/api/honours'
import { amountLabel, fullDateLabel } from '../lib/theme-month'
import './honours.css'

/** One honour in full: type, title, recipient and village, date, amount and the whole citation. */
export function HonourDetail({ id }: { id: string }) {
  const honour = useLoad(() => getHonour(id), [id])
  if (honour.status === 'loading') return <LoadingState rows={2} />
  if (honour.status === 'error' || !honour.data) return <ErrorState message={honour.error ?? ''} onRetry={() => void honour.reload()} />
  const { data } = honour
  const amount = amountLabel(data.amount)
  return (
    <View className='zs-card'>
      <Tag tone='red'>{HONOUR_TYPE_LABELS[data.type]}</Tag>
      <Text className='zs-title' style={{ display: 'block', marginTop: '8px' }}>
        {data.title}
      </Text>
      <Text className='hn-row__name'>{data.recipient.name}</Text>
      <Text className='hn-row__place'>
        {data.recipient.town}
        {data.recipient.village ? ` · ${data.recipient.village}` : ''}
      </Text>
      <Text className='hn-row__date'>
        {data.year} 年度 · {fullDateLabel(data.awardedAt)} 颁发
      </Text>
      {amount ? <Text className='hn-row__amount'>{amount}</Text> : null}
      <Text className='hn-detail__citation'>{data.citation}</Text>
    </View>
  )
}
