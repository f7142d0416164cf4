import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { ExamResults } from '@/api/contract/exam'
import { grantRetake } from '@/api/exams'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { fieldLabel } from '@/shared/ui/a11y'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { Field } from '@/shared/ui/field'
import { Tag } from '@/shared/ui/tag'
import { checkRetakeReason, formatScore } from '../lib/results'

type Person = ExamResults['people'][number]

/**
 * One secretary of the results: best score (or 未参加), 通过 / 未通过, attempts, retakes granted and
 * the 切出 count (for reference only), and 安排补考 with a reason checked before sending.
 */
export function PersonRow({ examId, person, onGranted }: { examId: string; person: Person; onGranted: () => void }) {
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const { user } = person
  const taken = person.best !== null

  const submit = async () => {
    if (busy) return
    const checked = checkRetakeReason(reason)
    if (!checked.ok) return setError(checked.error)
    setError('')
    setBusy(true)
    try {
      const body = { userId: user.id, reason: checked.reason }
      await sendKeyed(`retake:${examId}:${user.id}`, body, (key) => grantRetake(examId, user.id, checked.reason, key))
      void Taro.showToast({ title: '已安排补考', icon: 'success' })
      setAsking(false)
      setReason('')
      onGranted()
    } catch (failure) {
      setError(toApiError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='xa-person' role='listitem'>
      <View className='xa-person__top'>
        <Text className='xa-person__name'>{user.name}</Text>
        {taken ? <Tag tone={person.passed ? 'green' : 'red'}>{person.passed ? '通过' : '未通过'}</Tag> : <Tag tone='grey'>未参加</Tag>}
        <Text className='xa-person__score'>{taken ? `${formatScore(person.best ?? 0)} 分` : '未参加'}</Text>
      </View>
      <Text className='xa-line'>{[user.town, user.village].filter(Boolean).join(' · ')}</Text>
      <Text className='xa-line'>
        答题 {person.attempts} 次 · 补考 {person.retakes} 次 · 切出 {person.leftApp} 次
      </Text>
      {!asking ? (
        <View className='xa-actions'>
          <AppButton small variant='secondary' label={`安排补考：${user.name}`} onTap={() => setAsking(true)}>
            安排补考
          </AppButton>
        </View>
      ) : (
        <View>
          <Field label={`给 ${user.name} 安排补考的原因`} hint={`${Array.from(reason).length}/200 字，会记入操作记录。`}>
            <Textarea
              className='zs-textarea xa-textarea'
              value={reason}
              maxlength={200}
              placeholder='如：考试当天停电，没能完成作答'
              {...fieldLabel('补考原因')}
              onInput={(e) => setReason(e.detail.value)}
            />
          </Field>
          <Alert className='xa-banner' message={error} />
          <View className='xa-actions'>
            <AppButton small loading={busy} onTap={() => void submit()}>
              确定补考
            </AppButton>
            <AppButton
              small
              variant='plain'
              onTap={() => {
                setAsking(false)
                setError('')
              }}
            >
              取消
            </AppButton>
          </View>
        </View>
      )}
    </View>
  )
}
