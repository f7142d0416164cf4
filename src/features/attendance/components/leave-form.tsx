import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import { codePointLength } from '@/api/contract/common'
import { leaveBodySchema, type Registration } from '@/api/contract/event'
import { fieldLabel } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Field } from '@/shared/ui/field'
import { useAttendanceStore } from '../attendance-store'
import './attendance.css'

const REASON_MAX = 200

/** The user-facing message for a reason the contract refuses (too short, too long, odd characters). */
function reasonProblem(reason: string): string | null {
  const parsed = leaveBodySchema.safeParse({ reason })
  if (parsed.success) return null
  const length = codePointLength(reason.trim())
  if (length < 2) return '请写明请假理由，至少 2 个字。'
  if (length > REASON_MAX) return `请假理由最多 ${REASON_MAX} 个字，请删减后再提交。`
  return '请假理由里有无法识别的字符，请删掉后再提交。'
}

/** 请假 before the start: a reason of 2–200 characters, checked before sending; the seat goes to the waitlist. */
export function LeaveForm({ eventId, onDone, onCancel }: { eventId: string; onDone: (registration: Registration) => void; onCancel: () => void }) {
  const requestLeave = useAttendanceStore((s) => s.requestLeave)
  const busy = useAttendanceStore((s) => Boolean(s.leaveBusy[eventId]))
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    const problem = reasonProblem(reason)
    setError(problem)
    if (problem) return
    try {
      const registration = await requestLeave(eventId, reason.trim())
      void Taro.showToast({ title: '已请假', icon: 'success' })
      onDone(registration)
    } catch (failure) {
      setError(toApiError(failure).message)
    }
  }

  return (
    <View className='at-leave'>
      <Text className='zs-title'>请假</Text>
      <Text className='at-leave__hint'>请写明不能参加的原因。请假后名额让给候补的书记，本次活动不计缺勤。</Text>
      <Field label='请假理由' error={error}>
        <Textarea
          className='zs-textarea at-leave__input'
          value={reason}
          maxlength={REASON_MAX}
          placeholder='例如：村里防汛值班，无法参加'
          {...fieldLabel('请假理由')}
          onInput={(e) => {
            setReason(e.detail.value)
            if (error) setError(null)
          }}
        />
        <Text className='at-leave__count'>
          {codePointLength(reason.trim())}/{REASON_MAX}
        </Text>
      </Field>
      <View className='at-stack'>
        <AppButton block loading={busy} onTap={() => void submit()}>
          提交请假
        </AppButton>
        <AppButton block variant='plain' disabled={busy} onTap={onCancel}>
          不请假了
        </AppButton>
      </View>
    </View>
  )
}
