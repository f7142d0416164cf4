import { Button, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { tappable } from './a11y'

/** Props of AppButton. */
export type AppButtonProps = {
  children: ReactNode
  onTap?: () => void
  variant?: 'primary' | 'secondary' | 'danger' | 'plain'
  /** Shows 处理中 and ignores taps. */
  loading?: boolean
  disabled?: boolean
  block?: boolean
  /** Compact height for inline use; still a comfortable tap target. */
  small?: boolean
  /**
   * What a screen reader says instead of the visible text, for icon-only or terse buttons (－, 编辑):
   * it should start with the visible word. Rendered as visually hidden text, which both H5 and weapp
   * read (Taro drops `aria-label` on weapp; a prop named `aria…` is renamed by Taro's JSX transform).
   */
  label?: string
}

/** The app's button: large tap target, one look per variant, inert while loading. */
export function AppButton({ children, onTap, variant = 'primary', loading, disabled, block, small, label }: AppButtonProps) {
  const inert = Boolean(loading || disabled)
  const classes = ['zs-btn', `zs-btn--${variant}`, block ? 'zs-btn--block' : '', small ? 'zs-btn--small' : '', inert ? 'zs-btn--inert' : '']
  const tap = () => {
    if (!inert) onTap?.()
  }
  return (
    <Button
      className={classes.filter(Boolean).join(' ')}
      // H5 renders a `taro-button-core` element with no role: give it the button's role and keyboard.
      {...tappable('button', tap)}
      // H5 styles any `disabled` attribute, even "false", as disabled: leave it out unless inert.
      disabled={inert || undefined}
      aria-disabled={inert}
      aria-busy={loading}
    >
      {loading ? (
        '处理中…'
      ) : label ? (
        <>
          <Text className='zs-visually-hidden'>{label}</Text>
          <Text aria-hidden='true'>{children}</Text>
        </>
      ) : (
        children
      )}
    </Button>
  )
}
