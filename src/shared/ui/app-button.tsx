import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'

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
  ariaLabel?: string
}

/** The app's button: large tap target, one look per variant, inert while loading. */
export function AppButton({ children, onTap, variant = 'primary', loading, disabled, block, small, ariaLabel }: AppButtonProps) {
  const inert = Boolean(loading || disabled)
  const classes = ['zs-btn', `zs-btn--${variant}`, block ? 'zs-btn--block' : '', small ? 'zs-btn--small' : '', inert ? 'zs-btn--inert' : '']
  return (
    <Button
      className={classes.filter(Boolean).join(' ')}
      // H5 styles any `disabled` attribute, even "false", as disabled: leave it out unless inert.
      disabled={inert || undefined}
      aria-disabled={inert}
      aria-label={ariaLabel}
      aria-busy={loading}
      onClick={() => {
        if (!inert) onTap?.()
      }}
    >
      {loading ? '处理中…' : children}
    </Button>
  )
}
