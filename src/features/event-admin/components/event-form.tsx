import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { EVENT_TYPE_LABELS, type Event, type EventType } from '@/api/contract/event'
import { fieldLabel } from '@/shared/ui/a11y'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { Chips, type ChipOption } from '@/shared/ui/chips'
import { Field } from '@/shared/ui/field'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { createEvent, updateEvent } from '@/api/event-admin'
import { getEvent } from '@/api/events'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { useSessionStore } from '@/stores/session-store'
import {
  checkEventEdit,
  checkNewEvent,
  emptyFormValues,
  formValuesFromEvent,
  serverFieldErrors,
  type EventFormValues,
  type FieldErrors,
} from '../lib/event-form'
import { CancelEventPanel } from './cancel-event-panel'
import { ContestItemsEditor, CreditsStepper, DateTimeField, LocationField, TownPicker } from './form-fields'
import './event-admin.css'

const TYPE_OPTIONS: ChipOption<EventType>[] = (Object.entries(EVENT_TYPE_LABELS) as [EventType, string][]).map(([value, label]) => ({
  value,
  label,
}))

/** What the organiser asked for: post, keep as draft, save changes, publish a draft. */
type Action = 'publish' | 'draft' | 'save'

/** What became of the event when the form is done with it. */
export type EventFormOutcome = 'published' | 'drafted' | 'saved' | 'cancelled'

const DONE_TOAST: Record<Exclude<EventFormOutcome, 'cancelled'>, string> = {
  published: '活动已发布',
  drafted: '草稿已保存',
  saved: '修改已保存',
}

const NO_TOWNS: readonly string[] = []

/**
 * 发布活动 / 编辑活动: every field of an event, checked field by field with the server's rules before
 * sending; the server's field errors land on the same fields; nothing typed is lost when a request fails.
 */
export function EventForm({
  id,
  initialValues,
  onDone,
}: {
  /** The event to edit; a new event when absent. */
  id?: string
  /** Starting values of a new event (tests, copies). */
  initialValues?: Partial<EventFormValues>
  onDone: (event: Event, outcome: EventFormOutcome) => void
}) {
  const [event, setEvent] = useState<Event | null>(null)
  const [loadState, setLoadState] = useState<'loading' | 'ready' | 'error'>(id ? 'loading' : 'ready')
  const [loadError, setLoadError] = useState('')
  const scope = useSessionStore((state) => state.user?.scope?.towns) ?? NO_TOWNS
  const [values, setValues] = useState<EventFormValues>(() => ({ ...emptyFormValues(Date.now(), scope), ...initialValues }))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState<Action | null>(null)
  // The Idempotency-Key of the last attempt and the body it carried: a retry of the same body reuses it.

  const load = useCallback(async () => {
    if (!id) return
    setLoadState('loading')
    try {
      const loaded = await getEvent(id)
      setEvent(loaded)
      setValues(formValuesFromEvent(loaded))
      setLoadState('ready')
    } catch (failure) {
      setLoadError(toApiError(failure).message)
      setLoadState('error')
    }
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
  }
  const patch = (next: Partial<EventFormValues>) => setValues((v) => ({ ...v, ...next }))

  /** Sends one checked body with the key of this attempt, and shows what came back. */
  const send = async (action: Action, body: object, request: (key: string) => Promise<Event>) => {
    setErrors({})
    setBanner('')
    setBusy(action)
    try {
      const saved = await sendKeyed(event ? `event-edit:${event.id}` : 'event-create', body, request)
      const outcome: EventFormOutcome = action === 'draft' ? 'drafted' : action === 'publish' ? 'published' : 'saved'
      if (event) {
        setEvent(saved)
        setValues(formValuesFromEvent(saved))
      }
      void Taro.showToast({ title: DONE_TOAST[outcome], icon: 'success' })
      onDone(saved, outcome)
    } catch (failure) {
      // The form keeps every value: the organiser fixes what the server named and sends again.
      const error = toApiError(failure)
      const placed = serverFieldErrors(error.fields)
      if (error.code === 'CAPACITY_BELOW_REGISTERED') {
        placed.capacity = `${error.message}${event ? `目前已报名 ${event.registeredCount} 人。` : ''}`
      }
      setErrors(placed)
      const shown = new Set(Object.values(placed))
      const unplaced = Object.values(error.fields).filter((message) => !shown.has(message))
      setBanner([error.message, ...unplaced].join(' '))
    } finally {
      setBusy(null)
    }
  }

  const submit = async (action: Action) => {
    if (busy) return
    const now = Date.now()
    if (event) {
      const checked = checkEventEdit(values, event, action === 'publish', now, scope)
      if (!checked.ok) return showErrors(checked.errors)
      if (Object.keys(checked.body).length === 0) {
        setErrors({})
        setBanner('没有修改任何内容。')
        return
      }
      await send(action, checked.body, (key) => updateEvent(event.id, checked.body, key))
    } else {
      const checked = checkNewEvent(values, action === 'draft' ? 'draft' : 'published', now, scope)
      if (!checked.ok) return showErrors(checked.errors)
      await send(action, checked.body, (key) => createEvent(checked.body, key))
    }
  }

  const showErrors = (found: FieldErrors) => {
    setErrors(found)
    setBanner(`还有 ${Object.keys(found).length} 处需要修改，请按红色提示改好后再提交。`)
  }

  if (loadState === 'loading') return <LoadingState rows={4} />
  if (loadState === 'error') return <ErrorState message={loadError} onRetry={() => void load()} />

  const cancelled = event?.status === 'cancelled'
  const isDraft = !event || event.status === 'draft'

  return (
    <View className='ea-form'>
      {event ? (
        <View className='zs-card'>
          <View className='zs-row'>
            <Tag tone='red'>{EVENT_TYPE_LABELS[event.type]}</Tag>
            <Tag tone={event.status === 'published' ? 'green' : 'grey'}>
              {event.status === 'draft' ? '草稿' : event.status === 'published' ? '已发布' : '已取消'}
            </Tag>
          </View>
          <Text className='zs-hint'>
            已报名 {event.registeredCount}/{event.capacity} · 候补 {event.waitlistCount}
            {event.status === 'published' ? '。修改时间或地点会通知已报名的书记。' : ''}
          </Text>
        </View>
      ) : null}
      {cancelled ? <Text className='ea-note'>这个活动已取消，不能再修改。</Text> : null}

      <View className='zs-card'>
        {event ? (
          <Field label='活动类型' hint='活动类型发布后不能修改；如需更换，请取消后重新发布。'>
            <Text>{EVENT_TYPE_LABELS[values.type]}</Text>
          </Field>
        ) : (
          <Field label='活动类型' error={errors.type}>
            <Chips label='活动类型' options={TYPE_OPTIONS} value={values.type} onChange={(type) => set('type', type)} />
          </Field>
        )}
        <Field label='活动名称' error={errors.title}>
          <Input
            className='zs-input'
            value={values.title}
            maxlength={60}
            placeholder='2–60 个字，如：强村讲堂：村级财务规范'
            {...fieldLabel('活动名称')}
            onInput={(e) => set('title', e.detail.value)}
          />
        </Field>
        <Field label='活动介绍' optional error={errors.description} hint={`${Array.from(values.description).length}/2000 字`}>
          <Textarea
            className='zs-textarea ea-textarea'
            value={values.description}
            maxlength={2000}
            placeholder='活动内容、需要准备的材料等'
            {...fieldLabel('活动介绍')}
            onInput={(e) => set('description', e.detail.value)}
          />
        </Field>
        {values.type === 'lecture' ? (
          <Field label='主讲人' optional error={errors.speaker}>
            <Input
              className='zs-input'
              value={values.speaker}
              maxlength={40}
              placeholder='如：市农业农村局 陈志刚'
              {...fieldLabel('主讲人')}
              onInput={(e) => set('speaker', e.detail.value)}
            />
          </Field>
        ) : null}
        {values.type === 'contest' ? (
          <ContestItemsEditor value={values.contestItems} error={errors.contestItems} onChange={(items) => set('contestItems', items)} />
        ) : null}
      </View>

      <View className='zs-card'>
        <Field label='地点名称' error={errors.venueName}>
          <Input
            className='zs-input'
            value={values.venueName}
            maxlength={60}
            placeholder='如：绵竹市委党校报告厅'
            {...fieldLabel('地点名称')}
            onInput={(e) => set('venueName', e.detail.value)}
          />
        </Field>
        <Field label='详细地址' error={errors.venueAddress}>
          <Input
            className='zs-input'
            value={values.venueAddress}
            maxlength={120}
            placeholder='如：绵竹市剑南街道棋盘街 8 号'
            {...fieldLabel('详细地址')}
            onInput={(e) => set('venueAddress', e.detail.value)}
          />
        </Field>
        <LocationField
          lat={values.lat}
          lng={values.lng}
          error={errors.coordinates}
          onChange={({ lat, lng, place }) =>
            patch({
              lat,
              lng,
              // A picked place fills the name and address only where they are still empty.
              ...(place?.name && !values.venueName.trim() ? { venueName: place.name } : {}),
              ...(place?.address && !values.venueAddress.trim() ? { venueAddress: place.address } : {}),
            })
          }
        />
      </View>

      <View className='zs-card'>
        <Text className='zs-hint'>时间均为北京时间。</Text>
        <DateTimeField
          label='开始时间'
          date={values.startDate}
          time={values.startTime}
          error={errors.startAt}
          onChange={({ date, time }) => patch({ startDate: date, startTime: time })}
        />
        <DateTimeField
          label='结束时间'
          date={values.endDate}
          time={values.endTime}
          error={errors.endAt}
          onChange={({ date, time }) => patch({ endDate: date, endTime: time })}
        />
        <DateTimeField
          label='报名截止'
          date={values.deadlineDate}
          time={values.deadlineTime}
          error={errors.signupDeadline}
          onChange={({ date, time }) => patch({ deadlineDate: date, deadlineTime: time })}
        />
      </View>

      <View className='zs-card'>
        <Field label='名额' error={errors.capacity} hint='1–1000 人；报满后的报名进入候补。'>
          <Input
            className='zs-input'
            type='number'
            value={values.capacity}
            maxlength={4}
            placeholder='如：50'
            {...fieldLabel('名额')}
            onInput={(e) => set('capacity', e.detail.value)}
          />
        </Field>
        <CreditsStepper value={values.credits} error={errors.credits} onChange={(credits) => set('credits', credits)} />
        <TownPicker value={values.towns} error={errors.towns} scope={scope} onChange={(towns) => set('towns', towns)} />
      </View>

      <Alert className='ea-banner' message={banner} />
      {cancelled ? null : (
        <View className='ea-actions'>
          {isDraft ? (
            <>
              <AppButton variant='secondary' loading={busy === 'draft'} disabled={busy !== null} onTap={() => void submit('draft')}>
                保存草稿
              </AppButton>
              <AppButton loading={busy === 'publish'} disabled={busy !== null} onTap={() => void submit('publish')}>
                发布活动
              </AppButton>
            </>
          ) : (
            <AppButton block loading={busy === 'save'} disabled={busy !== null} onTap={() => void submit('save')}>
              保存修改
            </AppButton>
          )}
        </View>
      )}
      {event && !cancelled ? (
        <View className='ea-cancel'>
          <CancelEventPanel
            event={event}
            onCancelled={(done) => {
              setEvent(done)
              onDone(done, 'cancelled')
            }}
          />
        </View>
      ) : null}
    </View>
  )
}
