import { View } from '@tarojs/components'

/** A plain 0–100 completion bar with its number read out. */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const width = Math.min(100, Math.max(0, percent))
  return (
    <View className='cm-bar' role='progressbar' aria-label={label} aria-valuenow={Math.round(width)} aria-valuemin={0} aria-valuemax={100}>
      <View className='cm-bar__fill' style={{ width: `${width}%` }} />
    </View>
  )
}
