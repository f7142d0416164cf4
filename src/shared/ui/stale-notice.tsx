import { Text, View } from '@tarojs/components'
import { AppButton } from './app-button'

/** Above rows kept from an earlier load: why they may be out of date (e.g. 离线), and 重试. */
export function StaleNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='zs-stale zs-row' role='status'>
      <Text className='zs-grow'>{message}</Text>
      <AppButton small variant='secondary' onTap={onRetry}>
        重试
      </AppButton>
    </View>
  )
}
