import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { COMMITMENT_STATUS_LABELS, reviewBodySchema, type Commitment, type ReviewBody } from '@/api/contract/commitment'
import { formatDateTime } from '@/shared/lib/dates'
import { fieldLabel } from '@/shared/ui/a11y'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { FieldError } from '@/shared/ui/field'
import { getCommitment, reviewCommitment } from '@/api/commitments'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { ItemProgress } from './item-progress'
import { ProgressBar } from './progress-bar'
import { STATUS_TONES } from './review-list'
import './commitments.css'

/** A sheet under review: its items and progress, and for a submitted one 通过 / 退回 (退回 needs a comment). */
export function ReviewDetail({ id }: { id: string }) {
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; sheet?: Commitment; error?: string }>({ status: 'loading' })
  const [comment, setComment] = useState('')
  const [commentError, setCommentError] = useState('')
  const [busy, setBusy] = useState<ReviewBody['decision'] | null>(null)
  const [failure, setFailure] = useState('')
  // The key of an unconfirmed review, reused by its retry.

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      setState({ status: 'ready', sheet: await getCommitment(id) })
    } catch (error) {
      setState({ status: 'error', error: toApiError(error).message })
    }
  }, [id])
  useEffect(() => {
    void load()
  }, [load])

  if (state.status === 'loading') return <LoadingState rows={3} label='正在加载履职承诺…' />
  if (state.status === 'error' || !state.sheet) return <ErrorState message={state.error ?? ''} onRetry={() => void load()} />
  const sheet = state.sheet

  const review = async (decision: ReviewBody['decision']) => {
    setFailure('')
    const body = { decision, comment: comment.trim() || undefined }
    const checked = reviewBodySchema.safeParse(body)
    if (!checked.success) {
      setCommentError(checked.error.issues[0]?.message ?? '请检查评语')
      return
    }
    setCommentError('')
    setBusy(decision)
    try {
      const answer = await sendKeyed(`commitment-review:${sheet.id}`, body, (key) => reviewCommitment(sheet.id, body, key))
      setState({ status: 'ready', sheet: answer })
      void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已退回', icon: 'success' })
    } catch (error) {
      const apiError = toApiError(error)
      if (apiError.fields.comment) setCommentError(apiError.fields.comment)
      setFailure(`${decision === 'approve' ? '通过' : '退回'}没有成功：${apiError.message}`)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View>
      <View className='zs-card'>
        <View className='zs-row'>
          <Text className='zs-title zs-grow'>{sheet.owner.name}</Text>
          <Tag tone={STATUS_TONES[sheet.status]}>{COMMITMENT_STATUS_LABELS[sheet.status]}</Tag>
        </View>
        <Text className='zs-muted'>
          {[sheet.owner.town, sheet.owner.village].filter(Boolean).join(' ')} · {sheet.year} 年 · {sheet.items.length} 项
          {sheet.submittedAt ? ` · ${formatDateTime(sheet.submittedAt)} 提交` : ''}
        </Text>
        <View className='zs-row'>
          <Text className='zs-grow'>总体完成度</Text>
          <Text>{sheet.completion}%</Text>
        </View>
        <ProgressBar percent={sheet.completion} label='总体完成度' />
        {sheet.reviewComment ? <Text className='zs-muted'>审核意见：{sheet.reviewComment}</Text> : null}
      </View>
      {sheet.items.map((item, index) => (
        <View key={item.id} className='zs-card'>
          <ItemProgress item={item} index={index} showProgress={sheet.status === 'approved'} />
        </View>
      ))}
      {sheet.status === 'submitted' ? (
        <View className='zs-card'>
          <Text className='zs-field__label'>审核意见（退回时必填）</Text>
          <Textarea
            className='zs-textarea cm-textarea'
            value={comment}
            maxlength={500}
            autoHeight
            {...fieldLabel('审核意见')}
            placeholder='退回时请写明需要修改的地方'
            onInput={(e) => {
              setComment(e.detail.value)
              setCommentError('')
            }}
          />
          <FieldError error={commentError} />
          <Alert className='cm-errors' message={failure} />
          <View className='cm-actions'>
            <AppButton loading={busy === 'approve'} disabled={busy !== null} onTap={() => void review('approve')}>
              通过
            </AppButton>
            <AppButton variant='danger' loading={busy === 'return'} disabled={busy !== null} onTap={() => void review('return')}>
              退回
            </AppButton>
          </View>
        </View>
      ) : null}
    </View>
  )
}
