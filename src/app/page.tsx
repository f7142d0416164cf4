import { View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { useLargeText } from '@/stores/settings-store'
import { applyAppScale } from './platform/large-app'

/**
 * The root of every screen: `zs-page` (or `zs-root` when `bare`, for full-bleed screens that lay out
 * their own padding), plus `zs-large` in 大字模式. ui.css scales every font size and tap target below
 * it through one custom property (`--zs-scale`), so this class is the app's only size switch.
 */
export function Page({ className, bare, children }: { className?: string; bare?: boolean; children?: ReactNode }) {
  const large = useLargeText()
  const classes = [bare ? 'zs-root' : 'zs-page', large ? 'zs-large' : '', className ?? '']
  useEffect(() => applyAppScale(large), [large])
  return <View className={classes.filter(Boolean).join(' ')}>{children}</View>
}
