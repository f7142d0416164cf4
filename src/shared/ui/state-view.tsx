import { Text, View } from '@tarojs/components'
import { AppButton } from './app-button'

/** Grey placeholder rows shown while a screen loads. */
export function LoadingState({ rows = 3, label = '正在加载…' }: { rows?: number; label?: string }) {
  return (
    <View className='zs-state' aria-busy='true' role='status'>
      <Text className='zs-visually-hidden'>{label}</Text>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='zs-skeleton'>
          <View className='zs-skeleton__line zs-skeleton__line--short' />
          <View className='zs-skeleton__line' />
          <View className='zs-skeleton__line zs-skeleton__line--mid' />
        </View>
      ))}
    </View>
  )
}

/** What a screen shows when there is nothing to list, with an optional next step. */
export function EmptyState({ title, hint, actionText, onAction }: { title: string; hint?: string; actionText?: string; onAction?: () => void }) {
  return (
    <View className='zs-state zs-state--center'>
      <Text className='zs-state__title'>{title}</Text>
      {hint ? <Text className='zs-state__hint'>{hint}</Text> : null}
      {actionText && onAction ? (
        <AppButton variant='secondary' onTap={onAction}>
          {actionText}
        </AppButton>
      ) : null}
    </View>
  )
}

/** What a screen shows when loading failed: what happened, what to do, and 重试. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='zs-state zs-state--center' role='alert'>
      <Text className='zs-state__title'>加载失败</Text>
      <Text className='zs-state__hint'>{message}</Text>
      <AppButton onTap={onRetry}>重试</AppButton>
    </View>
  )
}
