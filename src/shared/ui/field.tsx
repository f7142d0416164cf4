import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Alert } from './alert'

/** A field's error line under its control, read out at once (role alert); nothing when there is none. */
export function FieldError({ error }: { error?: string | null }) {
  return <Alert className='zs-field__error' message={error} />
}

/** A labelled form field (with （选填） when optional), its control, a hint and its error underneath. */
export function Field({
  label,
  error,
  hint,
  optional,
  children,
}: {
  label: string
  error?: string | null
  hint?: string
  optional?: boolean
  children: ReactNode
}) {
  return (
    <View className='zs-field'>
      <Text className='zs-field__label'>
        {label}
        {optional ? <Text className='zs-field__optional'>（选填）</Text> : null}
      </Text>
      {children}
      {hint ? <Text className='zs-hint'>{hint}</Text> : null}
      <FieldError error={error} />
    </View>
  )
}
