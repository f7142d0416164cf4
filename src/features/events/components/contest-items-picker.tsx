import { Text, View } from '@tarojs/components'
import { tappable } from '@/shared/ui/a11y'

/** Checkbox list of a 技能比武's contest items; at least one must be chosen before 报名. */
export function ContestItemsPicker({ items, chosen, onChange }: { items: string[]; chosen: string[]; onChange: (next: string[]) => void }) {
  return (
    <View role='group' aria-label='选择参赛项目'>
      <Text className='zs-field__label'>请选择参赛项目（可多选）</Text>
      {items.map((item) => {
        const on = chosen.includes(item)
        return (
          <View
            key={item}
            {...tappable('checkbox', () => onChange(on ? chosen.filter((c) => c !== item) : [...chosen, item]))}
            aria-checked={on}
            className={`ev-items__option${on ? ' ev-items__option--on' : ''}`}
          >
            <View className='ev-items__box' aria-hidden='true'>{on ? '✓' : ''}</View>
            <Text>{item}</Text>
          </View>
        )
      })}
    </View>
  )
}
