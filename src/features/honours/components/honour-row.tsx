import { Text, View } from '@tarojs/components'
import type { Honour } from '@/api/contract/honour'
import { tappable } from '@/shared/ui/a11y'
import { amountLabel, fullDateLabel } from '../lib/theme-month'

/** One honour of a list: recipient, village, citation (2 lines), amount and date; tap opens it. */
export function HonourRow({ honour, onOpen, showTitle }: { honour: Honour; onOpen: (id: string) => void; showTitle?: boolean }) {
  const { recipient } = honour
  const amount = amountLabel(honour.amount)
  return (
    <View className='hn-row' {...tappable('link', () => onOpen(honour.id))}>
      <View className='zs-row'>
        <Text className='hn-row__name zs-grow'>{recipient.name}</Text>
        {amount ? <Text className='hn-row__amount'>{amount}</Text> : null}
      </View>
      <Text className='hn-row__place'>
        {recipient.town}
        {recipient.village ? ` · ${recipient.village}` : ''}
        {showTitle ? ` · ${honour.title}` : ''}
      </Text>
      <Text className='hn-row__citation'>{honour.citation}</Text>
      <Text className='hn-row__date'>{fullDateLabel(honour.awardedAt)}</Text>
    </View>
  )
}
