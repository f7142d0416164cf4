import { Text } from '@tarojs/components'

/** A red count bubble (unread 消息); nothing at 0, `99+` above 99. */
export function Badge({ count, label = '未读' }: { count: number | null | undefined; label?: string }) {
  if (!count || count <= 0) return null
  return (
    <Text className='zs-badge' aria-label={`${count} 条${label}`}>
      {count > 99 ? '99+' : count}
    </Text>
  )
}
