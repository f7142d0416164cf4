import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'

/** A small coloured label (已报名, 候补, 已截止 …). */
export function Tag({ tone = 'grey', children }: { tone?: 'red' | 'green' | 'orange' | 'blue' | 'grey'; children: ReactNode }) {
  return <Text className={`zs-tag zs-tag--${tone}`}>{children}</Text>
}
