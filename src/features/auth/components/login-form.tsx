import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { fieldLabel } from '@/shared/ui/a11y'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { Field } from '@/shared/ui/field'
import { sendSmsCode } from '@/api/auth'
import { validateLogin } from '../lib/validate-login'
import { signIn } from '../session-actions'
import './login.css'

/** A wait as the buttons show it: 42 秒 under two minutes, else whole minutes rounded up. */
export function waitLabel(seconds: number): string {
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`
}

/** Counts `seconds` down to 0, one a second. */
function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0)
  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => setLeft(left - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return [left, setLeft]
}

/**
 * 登录: phone + 6-digit SMS code, checked before sending, with a 60 s resend countdown. A 429 (too many
 * codes, too many wrong tries) disables the button it concerns for the server's retryAfter, counting
 * down; the words are the same for every phone, so they never tell whether an account exists.
 */
export function LoginForm({ onDone, demoHint }: { onDone: () => void; demoHint: boolean }) {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<{ phone?: string; code?: string }>({})
  const [message, setMessage] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [wait, setWait] = useCountdown()
  const [locked, setLocked] = useCountdown()

  const requestCode = async () => {
    const found = validateLogin(phone, null)
    setErrors(found)
    if (found.phone) return
    setSending(true)
    setMessage(null)
    try {
      await sendSmsCode(phone.trim())
      setWait(60)
      setMessage('验证码已发送，请查看短信。')
    } catch (failure) {
      const error = toApiError(failure)
      setMessage(error.fields.phone ?? error.message)
      if (error.code === 'RATE_LIMITED') setWait(error.retryAfter ?? 60)
    } finally {
      setSending(false)
    }
  }

  const submit = async () => {
    const found = validateLogin(phone, code)
    setErrors(found)
    if (found.phone || found.code) return
    setSubmitting(true)
    setMessage(null)
    try {
      await signIn(phone, code)
      onDone()
    } catch (failure) {
      const error = toApiError(failure)
      setErrors({ phone: error.fields.phone, code: error.fields.code })
      setMessage(error.message)
      if (error.status === 429) setLocked(error.retryAfter ?? 60)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className='login'>
      <Text className='login__brand'>支书通</Text>
      <Text className='login__slogan'>绵竹市村（社区）党组织书记履职服务</Text>
      <View className='zs-card'>
        <Field label='手机号' error={errors.phone}>
          <Input
            className='zs-input'
            type='number'
            maxlength={11}
            placeholder='请输入 11 位手机号'
            {...fieldLabel('手机号')}
            value={phone}
            onInput={(e) => setPhone(e.detail.value)}
          />
        </Field>
        <Field label='验证码' error={errors.code}>
          <View className='zs-row'>
            <Input
              className='zs-input zs-grow'
              type='number'
              maxlength={6}
              placeholder='6 位验证码'
              {...fieldLabel('验证码')}
              value={code}
              onInput={(e) => setCode(e.detail.value)}
              onConfirm={() => void submit()}
            />
            <AppButton small variant='secondary' loading={sending} disabled={wait > 0} onTap={() => void requestCode()}>
              {wait > 0 ? `${waitLabel(wait)}后重发` : '获取验证码'}
            </AppButton>
          </View>
        </Field>
        <Alert className='login__message' message={message} />
        <AppButton block loading={submitting} disabled={locked > 0} onTap={() => void submit()}>
          {locked > 0 ? `${waitLabel(locked)}后可再登录` : '登录'}
        </AppButton>
      </View>
      {demoHint ? (
        <View className='zs-card login__demo'>
          <Text className='zs-muted'>
            演示环境：书记账号 13800000001～13800000040，组织者账号 13900000001～13900000003，验证码均为 123456。
          </Text>
        </View>
      ) : null}
    </View>
  )
}
