import { Image, Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { User } from '@/api/contract/auth'
import type { CommitmentItem, ProgressBody } from '@/api/contract/commitment'
import { PHOTOS_MAX } from '@/api/contract/upload'
import { createId } from '@/shared/lib/id'
import { fieldLabel, tappable } from '@/shared/ui/a11y'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Field } from '@/shared/ui/field'
import { uploadPhoto } from '@/api/uploads'
import { progressDraftOf, progressKey, useProgressStore, type ProgressDraft } from '../progress-store'
import { useMyCommitment } from '../hooks/use-my-commitment'
import { chinaQuarter, chinaYear } from '@/api/contract/time'
import { isFutureQuarter, percentOfTarget } from '../lib/china-date'
import './commitments.css'
import './progress-form.css'

/** A photo on its way up (or failed), shown with its progress until the server gives its URL. */
type PendingPhoto = { id: string; key: string; path: string; percent: number; failed: boolean }

const NOTE_MAX = 500

/** The quarter a report opens on: the asked one, else the current quarter (the last one of a past year). */
export function defaultQuarter(year: number, asked?: number): number {
  if (asked && asked >= 1 && asked <= 4) return asked
  return year < chinaYear(Date.now()) ? 4 : chinaQuarter(Date.now())
}

/** What the fields say for a key: the phone's draft, else the report already sent for that quarter. */
function shownDraft(drafts: Record<string, ProgressDraft>, key: string, item: CommitmentItem | undefined, quarter: number): ProgressDraft {
  const own = drafts[key]
  if (own) return own
  const sent = item?.progress.find((p) => p.quarter === quarter)
  if (!sent) return progressDraftOf(drafts, key)
  return { percent: String(sent.percent), value: sent.value === undefined ? '' : String(sent.value), note: sent.note, photos: sent.photos, updatedAt: 0 }
}

/** What keeps a report from being sent, or null with the body to send. */
function checkReport(draft: ProgressDraft, item: CommitmentItem, pending: PendingPhoto[]): { error: string } | { body: ProgressBody } {
  if (pending.some((p) => !p.failed)) return { error: '照片还在上传，请稍候再提交。' }
  const failed = pending.filter((p) => p.failed).length
  if (failed) return { error: `有 ${failed} 张照片没有上传成功，请点“重试”或删除后再提交。` }
  if ([...draft.note].length > NOTE_MAX) return { error: `说明最多 ${NOTE_MAX} 个字。` }
  if (item.metric) {
    const value = Number(draft.value)
    if (!draft.value.trim() || !Number.isFinite(value) || value < 0) return { error: `请填写本季度完成的数值（${item.metric.unit}），不小于 0。` }
    return { body: { percent: percentOfTarget(value, item.metric.targetValue), value, note: draft.note.trim(), photos: draft.photos } }
  }
  const percent = Number(draft.percent)
  if (!draft.percent.trim() || !Number.isFinite(percent) || percent < 0 || percent > 100) return { error: '请填写完成度，0–100 之间的数字。' }
  return { body: { percent, note: draft.note.trim(), photos: draft.photos } }
}

/**
 * 填报进展 of one item: quarter (a future one cannot be chosen), percent or the metric's value,
 * a note of at most 500 characters and up to 9 photos uploaded one by one with progress, retry and
 * removal. Everything written stays on the phone until the server has it.
 */
export function ProgressForm({ user, year, itemId, quarter: askedQuarter, onDone }: { user: User; year: number; itemId: string; quarter?: number; onDone: () => void }) {
  const sheet = useMyCommitment(year)
  const [quarter, setQuarter] = useState(() => defaultQuarter(year, askedQuarter))
  const [notice, setNotice] = useState('')
  const [error, setError] = useState('')
  const [sending, setSending] = useState(false)
  const [pending, setPending] = useState<PendingPhoto[]>([])
  const drafts = useProgressStore((s) => s.drafts)

  const item = sheet.commitment?.items.find((i) => i.id === itemId)
  const key = progressKey(user.id, year, itemId, quarter)
  const draft = shownDraft(drafts, key, item, quarter)
  const mine = pending.filter((p) => p.key === key)

  if (sheet.status === 'loading') return <LoadingState rows={2} label='正在加载承诺事项…' />
  if (sheet.status === 'error') return <ErrorState message={sheet.error ?? ''} onRetry={() => void sheet.reload()} />
  if (!sheet.commitment || !item) return <EmptyState title='找不到这项承诺' hint='它可能已被修改，请回到承诺页重新打开。' actionText='返回' onAction={onDone} />
  if (sheet.commitment.status !== 'approved') return <EmptyState title='承诺通过审核后才能填报进展' hint='请等待组织者审核。' actionText='返回' onAction={onDone} />

  const store = useProgressStore.getState()
  const edit = (patch: Partial<ProgressDraft>) => {
    store.edit(key, { ...shownDraft(store.drafts, key, item, quarter), ...patch })
    setError('')
  }

  const upload = (photo: PendingPhoto) => {
    setPending((list) => list.map((p) => (p.id === photo.id ? { ...p, percent: 0, failed: false } : p)))
    uploadPhoto(photo.path, (percent) => setPending((list) => list.map((p) => (p.id === photo.id ? { ...p, percent } : p))))
      .then((url) => {
        const state = useProgressStore.getState()
        const current = shownDraft(state.drafts, photo.key, item, Number(photo.key.split(':').pop()))
        state.edit(photo.key, { ...current, photos: [...current.photos, url] })
        setPending((list) => list.filter((p) => p.id !== photo.id))
      })
      .catch((failure: unknown) => {
        setPending((list) => list.map((p) => (p.id === photo.id ? { ...p, failed: true } : p)))
        setError(`照片上传失败：${toApiError(failure).message}`)
      })
  }

  const choose = async () => {
    const room = PHOTOS_MAX - draft.photos.length - mine.length
    if (room <= 0) return
    try {
      const picked = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      const added = picked.tempFilePaths.slice(0, room).map((path) => ({ id: createId(), key, path, percent: 0, failed: false }))
      // The draft exists before the first upload lands, so a prefilled report keeps its photos.
      edit({})
      setPending((list) => [...list, ...added])
      added.forEach(upload)
    } catch {
      // Cancelled by the user: nothing to do.
    }
  }

  const send = async () => {
    const checked = checkReport(draft, item, mine)
    if ('error' in checked) {
      setError(checked.error)
      return
    }
    setSending(true)
    setError('')
    try {
      await store.send(key, year, itemId, quarter, checked.body)
      void Taro.showToast({ title: '进展已提交', icon: 'success' })
      onDone()
    } catch (failure) {
      setError(`提交没有成功：${toApiError(failure).message} 填写的内容已保存在手机上，可以点“提交进展”重试。`)
    } finally {
      setSending(false)
    }
  }

  const computed = item.metric && draft.value.trim() ? percentOfTarget(Number(draft.value), item.metric.targetValue) : null
  const noteLength = [...draft.note].length
  const photoCount = draft.photos.length + mine.length
  return (
    <View>
      <View className='zs-card'>
        <Text className='cm-item__title'>{item.title}</Text>
        <Text className='zs-muted'>目标：{item.target}</Text>
      </View>
      <View className='zs-card'>
        <Field label='季度' error={notice}>
          <View className='zs-chips' role='tablist' aria-label='季度'>
            {[1, 2, 3, 4].map((q) => {
              const future = isFutureQuarter(year, q)
              return (
                <View
                  key={q}
                  {...tappable('tab', () => {
                    if (future) setNotice(`第${q}季度尚未开始，暂不能填报。`)
                    else {
                      setNotice('')
                      setQuarter(q)
                    }
                  })}
                  aria-selected={q === quarter}
                  aria-disabled={future || undefined}
                  className={`zs-chip${q === quarter ? ' zs-chip--on' : ''}${future ? ' zs-btn--inert' : ''}`}
                >
                  第{q}季度
                </View>
              )
            })}
          </View>
        </Field>
        {item.metric ? (
          <Field label={`完成数值（目标 ${item.metric.targetValue} ${item.metric.unit}）`}>
            <Input className='zs-input' type='digit' value={draft.value} {...fieldLabel('完成数值')} placeholder={`已完成多少${item.metric.unit}`} onInput={(e) => edit({ value: e.detail.value })} />
            {computed !== null ? <Text className='zs-muted'>折合完成度 {computed}%</Text> : null}
          </Field>
        ) : (
          <Field label='完成度（%）'>
            <Input className='zs-input' type='digit' value={draft.percent} {...fieldLabel('完成度')} placeholder='0–100' onInput={(e) => edit({ percent: e.detail.value })} />
          </Field>
        )}
        <Field label='进展说明（选填）'>
          <Textarea className='zs-textarea cm-textarea' value={draft.note} maxlength={NOTE_MAX} autoHeight {...fieldLabel('进展说明')} placeholder='做了哪些工作、取得了什么效果' onInput={(e) => edit({ note: e.detail.value })} />
          <Text className='zs-muted'>
            {noteLength}/{NOTE_MAX}
          </Text>
        </Field>
        <Field label={`照片（${photoCount}/${PHOTOS_MAX}）`}>
          <View className='cm-photos'>
            {draft.photos.map((url, i) => (
              <View key={url} className='cm-photo-cell'>
                <Image className='cm-photo' src={url} mode='aspectFill' />
                <AppButton small variant='danger' label={`删除第 ${i + 1} 张照片`} onTap={() => edit({ photos: draft.photos.filter((u) => u !== url) })}>
                  删除
                </AppButton>
              </View>
            ))}
            {mine.map((photo) => (
              <View key={photo.id} className='cm-photo-cell'>
                <Image className='cm-photo' src={photo.path} mode='aspectFill' />
                {photo.failed ? (
                  <>
                    <Text className='zs-field__error'>上传失败</Text>
                    <AppButton small variant='secondary' onTap={() => upload(photo)}>
                      重试
                    </AppButton>
                    <AppButton small variant='danger' onTap={() => setPending((list) => list.filter((p) => p.id !== photo.id))}>
                      删除
                    </AppButton>
                  </>
                ) : (
                  <Text>上传中 {photo.percent}%</Text>
                )}
              </View>
            ))}
          </View>
          {photoCount < PHOTOS_MAX ? (
            <AppButton variant='secondary' onTap={() => void choose()}>
              添加照片
            </AppButton>
          ) : null}
        </Field>
        <Alert className='cm-errors' message={error} />
        <AppButton block loading={sending} onTap={() => void send()}>
          提交进展
        </AppButton>
      </View>
    </View>
  )
}
