import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import { cancelEventBodySchema, type Event } from '@/api/contract/event'
import { fieldLabel } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { cancelEvent } from '@/api/event-admin'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { askReason } from '../platform/ask-reason'
import { Field } from '@/shared/ui/field'

const PLACEHOLDER = '请填写取消原因，会通知已报名和候补的书记'

/** 取消活动 with a required reason: WeChat's input dialog on weapp, a small inline form elsewhere. */
export function CancelEventPanel({ event, onCancelled }: { event: Event; onCancelled: (event: Event) => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [sending, setSending] = useState(false)
  // One key per reason: a retry after a network failure cannot cancel (and notify) twice.

  const send = async (text: string) => {
    const parsed = cancelEventBodySchema.safeParse({ reason: text })
    if (!parsed.success) {
      setReason(text)
      setError(`取消原因${parsed.error.issues[0]?.message ?? '填写有误'}`)
      setOpen(true)
      return
    }
    const body = parsed.data.reason
    setSending(true)
    setError('')
    try {
      const cancelled = await sendKeyed(`event-cancel:${event.id}`, { reason: body }, (key) => cancelEvent(event.id, body, key))
      setOpen(false)
      void Taro.showToast({ title: '活动已取消', icon: 'success' })
      onCancelled(cancelled)
    } catch (failure) {
      setReason(text)
      setOpen(true)
      setError(toApiError(failure).message)
    } finally {
      setSending(false)
    }
  }

  const start = async () => {
    if (!askReason) {
      setOpen(true)
      return
    }
    const text = await askReason('取消活动', PLACEHOLDER)
    if (text !== null) await send(text)
  }

  return (
    <View className='zs-card'>
      <Text className='ea-section-title'>不再举办这个活动？</Text>
      <Text className='zs-hint'>
        取消后不能恢复；已报名 {event.registeredCount} 人、候补 {event.waitlistCount} 人会收到通知。
      </Text>
      {open ? (
        <View>
          <Field label='取消原因' error={error}>
            <Textarea
              className='zs-textarea ea-textarea ea-textarea--short'
              value={reason}
              maxlength={200}
              placeholder={PLACEHOLDER}
              {...fieldLabel('取消原因')}
              onInput={(e) => setReason(e.detail.value)}
            />
          </Field>
          <View className='ea-actions'>
            <AppButton variant='secondary' disabled={sending} onTap={() => setOpen(false)}>
              返回
            </AppButton>
            <AppButton variant='danger' loading={sending} onTap={() => void send(reason)}>
              确认取消活动
            </AppButton>
          </View>
        </View>
      ) : (
        <View className='ea-actions'>
          <AppButton variant='danger' loading={sending} onTap={() => void start()}>
            取消活动
          </AppButton>
        </View>
      )}
    </View>
  )
}
