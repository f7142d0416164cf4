import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import { awardQuotaFullMessage, HONOUR_TYPE_LABELS, INNOVATION_AWARD_AMOUNT_YUAN, INNOVATION_AWARD_QUOTA, type Honour, type HonourType } from '@/api/contract/honour'
import { useLoad } from '@/shared/hooks/use-load'
import { fieldLabel } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Chips } from '@/shared/ui/chips'
import { Field, FieldError } from '@/shared/ui/field'
import { createHonour, getHonours } from '@/api/honours'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { useHonourDraftStore } from '../honour-draft-store'
import { checkHonourDraft, textLength } from '../lib/honour-form'
import { HONOUR_TYPES } from '../lib/theme-month'
import { RecipientPicker } from './recipient-picker'
import './honours.css'

const TYPE_OPTIONS = HONOUR_TYPES.map((t) => ({ value: t, label: HONOUR_TYPE_LABELS[t] }))

/**
 * 发布荣誉: year, type, title, recipient, citation and amount (fixed 5000 for 岗位创新奖, with 已评 N/30);
 * checked before sending; the draft stays on the phone until it is published.
 */
export function HonourForm({ thisYear, onDone }: { thisYear: number; onDone: (honour: Honour) => void }) {
  const draft = useHonourDraftStore((s) => s.draft)
  const change = useHonourDraftStore((s) => s.change)
  const reset = useHonourDraftStore((s) => s.reset)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const quota = useLoad(() => getHonours({ year: draft.year, type: 'innovation', pageSize: 1 }).then((p) => p.total), [draft.year])
  const innovation = draft.type === 'innovation'
  const full = innovation && quota.status === 'ready' && (quota.data ?? 0) >= INNOVATION_AWARD_QUOTA
  const fullMessage = awardQuotaFullMessage(draft.year)

  const submit = async () => {
    const { body, errors: found } = checkHonourDraft(draft)
    setErrors(found)
    setFailure(null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      const honour = await sendKeyed('honour:create', body, (key) => createHonour(body, key))
      reset(draft.year)
      void Taro.showToast({ title: '已发布', icon: 'success' })
      onDone(honour)
    } catch (caught) {
      const error = toApiError(caught)
      if (error.code === 'AWARD_QUOTA_FULL') {
        setFailure(fullMessage)
        void quota.reload()
      } else {
        setErrors(error.fields)
        setFailure(error.message)
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='zs-card hn-form'>
      <Field label='年度' error={errors.year}>
        <Chips
          label='年度'
          options={[thisYear + 1, thisYear, thisYear - 1].map((y) => ({ value: String(y), label: `${y}年` }))}
          value={String(draft.year)}
          onChange={(y) => change({ year: Number(y) })}
        />
      </Field>
      <Field label='荣誉类别' error={errors.type}>
        <Chips<HonourType> label='荣誉类别' options={TYPE_OPTIONS} value={draft.type} onChange={(type) => change({ type })} />
      </Field>
      {innovation ? (
        <View className={`hn-quota${full ? ' hn-quota--full' : ''}`} role='status'>
          {quota.status === 'ready' ? `${draft.year} 年已评 ${quota.data ?? 0}/${INNOVATION_AWARD_QUOTA}` : quota.status === 'error' ? '已评人数暂时查不到' : '正在查询已评人数…'}
        </View>
      ) : null}
      <Field label='荣誉名称' error={errors.title}>
        <Input className='zs-input' value={draft.title} maxlength={60} {...fieldLabel('荣誉名称')} placeholder='2–60 个字' onInput={(e) => change({ title: e.detail.value })} />
      </Field>
      <Field label='获奖人' error={errors.recipientId}>
        <RecipientPicker value={draft.recipient} onChange={(recipient) => change({ recipient })} />
      </Field>
      <Field label='事迹' error={errors.citation}>
        <Textarea
          className='zs-textarea hn-textarea'
          value={draft.citation}
          maxlength={500}
          {...fieldLabel('事迹')}
          placeholder='简要写明获奖事迹，2–500 字'
          onInput={(e) => change({ citation: e.detail.value })}
        />
        <Text className='hn-row__place'>{`${textLength(draft.citation)}/500 字`}</Text>
      </Field>
      <Field label='奖金（元）' error={errors.amount}>
        {innovation ? (
          <Text className='hn-fixed'>{INNOVATION_AWARD_AMOUNT_YUAN} 元（岗位创新奖固定金额）</Text>
        ) : (
          <Input className='zs-input' type='number' value={draft.amount} {...fieldLabel('奖金')} placeholder='选填，没有奖金可不填' onInput={(e) => change({ amount: e.detail.value })} />
        )}
      </Field>
      <FieldError error={full ? fullMessage : null} />
      <FieldError error={failure && failure !== fullMessage ? failure : null} />
      <AppButton block loading={busy} disabled={full} onTap={() => void submit()}>
        发布
      </AppButton>
    </View>
  )
}
