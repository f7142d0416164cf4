import { Text } from '@tarojs/components'

// Taro's TextProps has no `role`; H5 renders it, and as an image the bubble is read by its label.
const IMG = { role: 'img' }

/** A red count bubble (unread 消息); nothing at 0, `99+` above 99. Read as “3 条未读”. */
export function Badge({ count, label = '未读' }: { count: number | null | undefined; label?: string }) {
  if (!count || count <= 0) return null
  return (
    <Text className='zs-badge' {...IMG} aria-label={`${count} 条${label}`}>
      {count > 99 ? '99+' : count}
    </Text>
  )
}
