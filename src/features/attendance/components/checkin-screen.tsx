import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { checkinOpensAt } from '@/api/contract/checkin-window'
import { checkinBodySchema, EVENT_TYPE_LABELS, type CheckinResult, type Event } from '@/api/contract/event'
import { formatDateTime, formatTimeRange } from '@/shared/lib/dates'
import { fieldLabel } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { getEvent } from '@/api/events'
import { useAttendanceStore } from '../attendance-store'
import { canScanCode, scanCheckinCode } from '../platform/scan-code'
import './attendance.css'

// API.md: check-in opens 30 minutes before the start.

const SCAN_MESSAGES = {
  'other-event': '这不是本场活动的签到二维码。请扫描本场活动现场的二维码，或直接输入 6 位签到码。',
  'not-checkin': '没有认出签到码。请对准组织者出示的签到二维码，或直接输入 6 位签到码。',
  failed: '无法打开扫码，请直接输入组织者公布的 6 位签到码。',
} as const

/** Why this registration cannot check in, or null when it can. */
function whyNoCheckin(event: Event): { title: string; hint: string } | null {
  const mine = event.myRegistration
  if (event.status === 'cancelled') return { title: '活动已取消', hint: '这个活动已经取消，不需要签到。' }
  if (mine?.status === 'waitlisted') return { title: '您还在候补中', hint: '转为已报名后才能签到，请留意通知。' }
  if (mine?.status !== 'registered') return { title: '您没有报名这个活动', hint: '只有已报名的书记可以签到。如有疑问请联系组织者。' }
  if (mine.attendance === 'leave') return { title: '您已请假', hint: '本次活动已请假，不需要签到，也不计缺勤。' }
  return null
}

/** The big 已签到 (green) or 迟到 (orange) with the time, and where to go next. */
function CheckinDone({ result, onBack, onOpenRecord }: { result: CheckinResult; onBack: () => void; onOpenRecord: () => void }) {
  const late = result.attendance === 'late'
  return (
    <View>
      <View className={`zs-card at-result at-result--${result.attendance}`} role='status'>
        <Text className='at-result__mark'>{late ? '!' : '✓'}</Text>
        <Text className='at-result__title'>{late ? '迟到' : '已签到'}</Text>
        <Text className='at-result__time'>签到时间 {formatDateTime(result.checkedInAt)}</Text>
        <Text className='at-result__note'>
          {late ? '活动开始 15 分钟后签到记为迟到，学时照常计入。' : '签到成功，学时将计入您的出勤记录。'}
        </Text>
      </View>
      <View className='at-stack'>
        <AppButton block onTap={onBack}>
          返回活动详情
        </AppButton>
        <AppButton block variant='secondary' onTap={onOpenRecord}>
          查看出勤记录
        </AppButton>
      </View>
    </View>
  )
}

/**
 * 签到: the event, a large 6-digit code field, 签到 and (where the camera can) 扫码签到. Location is sent
 * when the user allows it; a failed try can be repeated without a double record; a wrong code stays typed.
 */
export function CheckinScreen({ eventId, onBack, onOpenRecord }: { eventId: string; onBack: () => void; onOpenRecord: () => void }) {
  const checkIn = useAttendanceStore((s) => s.checkIn)
  const phase = useAttendanceStore((s) => s.checkinPhase[eventId])
  const [event, setEvent] = useState<Event | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  // A failure a retry can fix (no answer, timeout, 5xx): 重试 sends the same code with the same key.
  const [retriable, setRetriable] = useState(false)
  const [focused, setFocused] = useState(true)
  const [result, setResult] = useState<CheckinResult | null>(null)

  const load = useCallback(async () => {
    setLoadError(null)
    try {
      setEvent(await getEvent(eventId))
    } catch (failure) {
      setLoadError(toApiError(failure).message)
    }
  }, [eventId])

  useEffect(() => {
    void load()
  }, [load])

  // Puts the cursor back in the code field (a false → true change focuses it on both platforms).
  const refocus = () => {
    setFocused(false)
    Taro.nextTick(() => setFocused(true))
  }

  const submit = async (value: string) => {
    setError(null)
    setRetriable(false)
    const parsed = checkinBodySchema.shape.code.safeParse(value)
    if (!parsed.success) {
      setError('签到码是 6 位数字，请输入完整后再点“签到”。')
      refocus()
      return
    }
    try {
      setResult(await checkIn(eventId, parsed.data))
    } catch (failure) {
      const apiError = toApiError(failure)
      setError(apiError.message)
      setRetriable(apiError.retriable)
      // A wrong or expired code: leave it in place and put the cursor back for the corrected one.
      if (apiError.code === 'CHECKIN_CODE_INVALID') refocus()
    }
  }

  const scan = async () => {
    setError(null)
    const outcome = await scanCheckinCode(eventId)
    if (outcome.kind === 'cancelled') return
    if (outcome.kind === 'code') {
      setCode(outcome.code)
      void submit(outcome.code)
      return
    }
    setError(SCAN_MESSAGES[outcome.kind])
  }

  if (!event && !loadError) return <LoadingState rows={2} />
  if (!event) return <ErrorState message={loadError ?? ''} onRetry={() => void load()} />

  const mine = event.myRegistration
  const done =
    result ??
    (mine?.status === 'registered' && (mine.attendance === 'present' || mine.attendance === 'late') && mine.checkedInAt
      ? { attendance: mine.attendance, checkedInAt: mine.checkedInAt }
      : null)
  const blocked = whyNoCheckin(event)
  const opensAt = new Date(checkinOpensAt(Date.parse(event.startAt))).toISOString()

  return (
    <View>
      <View className='zs-card'>
        <Tag tone='red'>{EVENT_TYPE_LABELS[event.type]}</Tag>
        <Text className='at-event__title'>{event.title}</Text>
        <Text className='at-event__line'>时间：{formatTimeRange(event.startAt, event.endAt)}</Text>
        <Text className='at-event__line'>地点：{`${event.venue.name}（${event.venue.address}）`}</Text>
      </View>
      {done ? (
        <CheckinDone result={done} onBack={onBack} onOpenRecord={onOpenRecord} />
      ) : blocked ? (
        <EmptyState title={blocked.title} hint={blocked.hint} actionText='返回活动详情' onAction={onBack} />
      ) : (
        <View className='zs-card'>
          <Text className='zs-title'>输入签到码</Text>
          <Text className='at-checkin__hint'>请输入组织者在现场公布的 6 位签到码。签到时间：{formatTimeRange(opensAt, event.endAt)}</Text>
          <Input
            className='at-code'
            type='number'
            maxlength={6}
            value={code}
            focus={focused}
            placeholder='6 位签到码'
            {...fieldLabel('签到码')}
            confirmType='done'
            onInput={(e) => {
              setCode(e.detail.value.replace(/\D/g, '').slice(0, 6))
              if (error) setError(null)
              setRetriable(false)
            }}
            onBlur={() => setFocused(false)}
            onConfirm={() => void submit(code)}
          />
          {error ? (
            <View className='at-checkin__error' role='alert'>
              {error}
              {retriable ? (
                <AppButton small variant='secondary' loading={Boolean(phase)} onTap={() => void submit(code)}>
                  重试
                </AppButton>
              ) : null}
            </View>
          ) : null}
          {phase ? <Text className='at-checkin__phase'>{phase === 'locating' ? '正在确认您的位置，最多 5 秒…' : '正在签到…'}</Text> : null}
          <View className='at-stack'>
            <AppButton block loading={Boolean(phase)} onTap={() => void submit(code)}>
              签到
            </AppButton>
            {canScanCode ? (
              <AppButton block variant='secondary' disabled={Boolean(phase)} onTap={() => void scan()}>
                扫码签到
              </AppButton>
            ) : null}
          </View>
          <Text className='at-checkin__privacy'>如您允许获取位置，签到时会确认您在活动现场附近。</Text>
        </View>
      )}
    </View>
  )
}
