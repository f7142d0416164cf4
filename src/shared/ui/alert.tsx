import { View } from '@tarojs/components'

/** A message that screen readers say at once (role alert), in the look `className` gives it; nothing without one. */
export function Alert({ className, message }: { className: string; message?: string | null }) {
  return message ? (
    <View className={className} role='alert'>
      {message}
    </View>
  ) : null
}
