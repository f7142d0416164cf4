import { View } from '@tarojs/components'
import { tappable } from './a11y'

/** One choice of a Chips row. */
export type ChipOption<T extends string> = { value: T; label: string }

/** A row of single-choice chips (type filter, upcoming/past). */
export function Chips<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: ChipOption<T>[]
  value: T
  onChange: (value: T) => void
  label: string
}) {
  return (
    <View className='zs-chips' role='tablist' aria-label={label}>
      {options.map((option) => (
        <View
          key={option.value}
          {...tappable('tab', () => onChange(option.value))}
          aria-selected={option.value === value}
          className={`zs-chip${option.value === value ? ' zs-chip--on' : ''}`}
        >
          {option.label}
        </View>
      ))}
    </View>
  )
}
