import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { ApiError, toApiError } from '@/api/api-error'
import type { User } from '@/api/contract/auth'
import { COMMITMENT_ITEMS_MAX, COMMITMENT_STATUS_LABELS, type Commitment } from '@/api/contract/commitment'
import { formatDateTime } from '@/shared/lib/dates'
import { AppButton } from '@/shared/ui/app-button'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { draftKey, useCommitmentsStore } from '../commitments-store'
import { useMyCommitment } from '../hooks/use-my-commitment'
import {
  createDraftItem,
  draftItemsOf,
  errorSummary,
  hasErrors,
  mergeFieldErrors,
  moveItem,
  sameItems,
  saveErrors,
  submitErrors,
  type DraftErrors,
  type DraftItem,
} from '../lib/draft'
import { ItemEditor } from './item-editor'
import { ItemProgress } from './item-progress'
import { ProgressBar } from './progress-bar'
import './commitments.css'

const NO_ERRORS: DraftErrors = { items: {} }
const EMPTY: DraftItem[] = []

/** The status banner of a sheet: what state it is in and what happens next. */
function StatusBanner({ commitment, year }: { commitment: Commitment | null; year: number }) {
  if (!commitment) {
    return (
      <View className='cm-banner cm-banner--draft'>
        <Text className='cm-banner__title'>{year} 年履职承诺</Text>
        还没有保存过。填写 3–10 项承诺，可以先保存草稿，写好后点“提交”。
      </View>
    )
  }
  const label = COMMITMENT_STATUS_LABELS[commitment.status]
  const text = {
    draft: '还未提交。填好 3–10 项后点“提交”，由组织者审核。',
    submitted: '等待组织者审核，审核期间不能修改。',
    returned: '组织者退回了承诺，请按意见修改后再次提交。',
    approved: '承诺已锁定。每个季度请填报各项进展。',
  }[commitment.status]
  return (
    <View className={`cm-banner cm-banner--${commitment.status}`} role='status'>
      <Text className='cm-banner__title'>
        {year} 年履职承诺 · {label}
      </Text>
      {text}
      {commitment.status === 'returned' && commitment.reviewComment ? <Text className='cm-banner__title'>组织者意见：{commitment.reviewComment}</Text> : null}
    </View>
  )
}

/**
 * 承诺 tab for a secretary: this year's 履职承诺 — written and kept on the phone, 保存草稿, 提交, the
 * status banners — and once approved each item's 进展 with the sheet's overall completion.
 */
export function CommitmentSheet({ user, year, onReport }: { user: User; year: number; onReport: (itemId: string) => void }) {
  const key = draftKey(user.id, year)
  const items = useCommitmentsStore((s) => s.drafts[key]?.items ?? EMPTY)
  const dirty = useCommitmentsStore((s) => s.drafts[key]?.dirty ?? false)
  const [offer, setOffer] = useState<number | null>(null)
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS)
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null)
  const [failure, setFailure] = useState<{ action: 'save' | 'submit'; message: string } | null>(null)

  const sheet = useMyCommitment(year, (commitment) => {
    const store = useCommitmentsStore.getState()
    const local = store.drafts[key]
    if (!commitment) return
    const editable = commitment.status === 'draft' || commitment.status === 'returned'
    if (editable && local?.dirty && local.updatedAt > Date.parse(commitment.updatedAt) && !sameItems(local.items, draftItemsOf(commitment))) {
      setOffer(local.updatedAt)
    } else store.adoptServer(key, commitment)
  })
  const commitment = sheet.commitment
  // Back from 填报进展, or back to a sheet under review: show what changed without a skeleton.
  useDidShow(() => {
    if (commitment?.status === 'approved' || commitment?.status === 'submitted') void sheet.reload(true)
  })

  if (sheet.status === 'loading') return <LoadingState rows={3} label='正在加载履职承诺…' />
  if (sheet.status === 'error') return <ErrorState message={sheet.error ?? ''} onRetry={() => void sheet.reload()} />

  if (offer !== null && commitment) {
    return (
      <View className='zs-card' role='alert'>
        <Text className='cm-banner__title'>手机上有未保存的草稿（{formatDateTime(offer)}），是否恢复？</Text>
        <Text className='zs-muted'>恢复：继续编辑手机上的内容；放弃：使用服务器上 {formatDateTime(commitment.updatedAt)} 保存的版本。</Text>
        <View className='cm-actions'>
          <AppButton onTap={() => setOffer(null)}>恢复</AppButton>
          <AppButton variant='secondary' onTap={() => {
            useCommitmentsStore.getState().adoptServer(key, commitment)
            setOffer(null)
          }}>
            放弃
          </AppButton>
        </View>
      </View>
    )
  }

  const editable = !commitment || commitment.status === 'draft' || commitment.status === 'returned'
  if (!editable && commitment) {
    const approved = commitment.status === 'approved'
    return (
      <View>
        <StatusBanner commitment={commitment} year={year} />
        {approved ? (
          <View className='zs-card'>
            <View className='zs-row'>
              <Text className='cm-banner__title zs-grow'>总体完成度</Text>
              <Text className='cm-banner__title'>{commitment.completion}%</Text>
            </View>
            <ProgressBar percent={commitment.completion} label='总体完成度' />
          </View>
        ) : null}
        {commitment.items.map((item, index) => (
          <View key={item.id} className='zs-card'>
            <ItemProgress item={item} index={index} showProgress={approved} />
            {approved ? (
              <AppButton block variant='secondary' onTap={() => onReport(item.id)}>
                填报进展
              </AppButton>
            ) : null}
          </View>
        ))}
      </View>
    )
  }

  const store = useCommitmentsStore.getState()
  const edit = (next: DraftItem[]) => store.editDraft(key, next)
  const change = (index: number, patch: Partial<DraftItem>) => {
    edit(items.map((item, i) => (i === index ? { ...item, ...patch } : item)))
    if (errors.items[index]) setErrors((e) => ({ ...e, items: { ...e.items, [index]: {} } }))
  }

  const run = async (action: 'save' | 'submit') => {
    setFailure(null)
    const found = action === 'save' ? saveErrors(items) : submitErrors(items)
    setErrors(found)
    if (hasErrors(found)) return
    setBusy(action)
    try {
      const answer = action === 'save' ? await store.save(user.id, year) : await store.submit(user.id, year)
      sheet.setCommitment(answer)
      void Taro.showToast({ title: action === 'save' ? '草稿已保存' : '已提交', icon: 'success' })
    } catch (error) {
      const apiError = toApiError(error)
      if (apiError instanceof ApiError && apiError.status === 400 && Object.keys(apiError.fields).length) setErrors(mergeFieldErrors(NO_ERRORS, apiError.fields))
      if (apiError.code === 'COMMITMENT_LOCKED') void sheet.reload()
      setFailure({ action, message: apiError.message })
    } finally {
      setBusy(null)
    }
  }

  const summary = errorSummary(errors)
  return (
    <View>
      <StatusBanner commitment={commitment} year={year} />
      {summary.length ? (
        <View className='cm-errors' role='alert'>
          <Text className='cm-banner__title'>还不能提交，请补全：</Text>
          {summary.map((line) => (
            <View key={line}>{line}</View>
          ))}
        </View>
      ) : null}
      {items.map((item, index) => (
        <ItemEditor
          key={item.key}
          item={item}
          index={index}
          count={items.length}
          errors={errors.items[index]}
          onChange={(patch) => change(index, patch)}
          onMove={(delta) => {
            edit(moveItem(items, index, delta))
            setErrors(NO_ERRORS)
          }}
          onRemove={() => {
            edit(items.filter((_, i) => i !== index))
            setErrors(NO_ERRORS)
          }}
        />
      ))}
      {items.length < COMMITMENT_ITEMS_MAX ? (
        <AppButton block variant='secondary' onTap={() => edit([...items, createDraftItem()])}>
          添加承诺事项（{items.length}/{COMMITMENT_ITEMS_MAX}）
        </AppButton>
      ) : (
        <Text className='zs-muted'>已有 {COMMITMENT_ITEMS_MAX} 项，不能再添加。</Text>
      )}
      {dirty ? <Text className='zs-muted'>内容已保存在手机上，还没有保存到服务器。</Text> : null}
      {failure ? (
        <View className='cm-errors' role='alert'>
          <Text>
            {failure.action === 'save' ? '保存草稿' : '提交'}没有成功：{failure.message}
          </Text>
          <AppButton small variant='secondary' onTap={() => void run(failure.action)}>
            重试
          </AppButton>
        </View>
      ) : null}
      <View className='cm-actions'>
        <AppButton variant='secondary' loading={busy === 'save'} disabled={busy !== null} onTap={() => void run('save')}>
          保存草稿
        </AppButton>
        <AppButton loading={busy === 'submit'} disabled={busy !== null} onTap={() => void run('submit')}>
          提交
        </AppButton>
      </View>
    </View>
  )
}
