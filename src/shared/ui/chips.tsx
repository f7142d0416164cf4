import { View } from '@tarojs/components'

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
          role='tab'
          aria-selected={option.value === value}
          className={`zs-chip${option.value === value ? ' zs-chip--on' : ''}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  )
}
