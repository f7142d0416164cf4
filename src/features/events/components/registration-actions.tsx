import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ReactNode } from 'react'
import { toApiError } from '@/api/api-error'
import type { Event } from '@/api/contract/event'
import { formatDateTime, formatRemaining } from '@/shared/lib/dates'
import { AppButton } from '@/shared/ui/app-button'
import { useEventsStore } from '../events-store'
import { checkinOpensAt } from '@/api/contract/checkin-window'
import { signupState } from '../lib/signup-state'
import { askSignupSubscribe } from '../platform/subscribe'
import { ContestItemsPicker } from './contest-items-picker'

/** What the page adds from the attendance feature: 签到 and 请假 (a feature cannot import another). */
export type AttendanceSlots = {
  /** Opens the 签到 page; the 签到 button shows only when this is given. */
  onCheckIn?: () => void
  /** The 请假 form shown when 请假 is tapped (the button shows only when this is given); `close` hides it. */
  renderLeaveForm?: (close: () => void) => ReactNode
  /** The reason given for the leave, when this phone knows it. */
  leaveReason?: string
}

/**
 * The action that fits the event's state: 报名 / 取消报名 / 候补第 N 位 / 报名已截止; contests ask for items first;
 * for a registered secretary 请假 before the start, 签到 while the window is open, then 已签到 / 迟到 or 已请假.
 */
export function RegistrationActions({ event, now, onCheckIn, renderLeaveForm, leaveReason }: { event: Event; now: number } & AttendanceSlots) {
  const register = useEventsStore((s) => s.register)
  const cancel = useEventsStore((s) => s.cancel)
  const busy = useEventsStore((s) => Boolean(s.busy[event.id]))
  const [choosing, setChoosing] = useState(false)
  const [items, setItems] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  // After a network failure: the same action again (its Idempotency-Key is kept by the store).
  const [retry, setRetry] = useState<(() => void) | null>(null)
  const [leaving, setLeaving] = useState(false)
  const state = signupState(event, now)
  const isContest = event.type === 'contest' && (event.contestItems?.length ?? 0) > 0

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null)
    setRetry(null)
    try {
      await action()
      setChoosing(false)
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (failure) {
      const apiError = toApiError(failure)
      setError(apiError.message)
      // The network message says 点“重试”: offer it for every failure a retry can fix.
      if (apiError.retriable) setRetry(() => () => void run(action, done))
    }
  }

  const signUp = () => {
    if (isContest && !choosing) {
      setChoosing(true)
      return
    }
    if (isContest && items.length === 0) {
      setError('请至少选择一个参赛项目。')
      return
    }
    // weapp asks for a subscribe message first (only a tap may ask); the answer never stops the sign-up.
    askSignupSubscribe(() => void run(() => register(event.id, isContest ? items : undefined), state.kind === 'full' ? '已加入候补' : '报名成功'))
  }

  const confirmCancel = async () => {
    const { confirm } = await Taro.showModal({
      title: state.kind === 'waitlisted' ? '退出候补' : '取消报名',
      content: state.kind === 'waitlisted' ? '确定退出候补吗？再次报名需重新排队。' : '确定取消报名吗？名额将让给候补的书记。',
      confirmText: '确定',
      cancelText: '再想想',
    })
    if (confirm) void run(() => cancel(event.id), '已取消报名')
  }

  const cancelButton = (
    <AppButton block variant='danger' loading={busy} onTap={() => void confirmCancel()}>
      取消报名
    </AppButton>
  )
  const leaveButton = renderLeaveForm ? (
    <AppButton block variant='secondary' disabled={busy} onTap={() => setLeaving(true)}>
      请假
    </AppButton>
  ) : null
  const leaveOffered = Boolean(renderLeaveForm) && (state.kind === 'registered' || (state.kind === 'checkin' && state.beforeStart))
  if (leaving && leaveOffered && renderLeaveForm) {
    return <View className='ev-actions ev-actions--form'>{renderLeaveForm(() => setLeaving(false))}</View>
  }

  let note: string | null = null
  let main: ReactNode = null
  let badge: ReactNode = null
  let hint: string | null = null
  switch (state.kind) {
    case 'open':
    case 'full':
      note =
        state.kind === 'open'
          ? `剩余 ${state.seatsLeft} 个名额 · 报名${formatRemaining(event.signupDeadline, now).replace('还剩', '还有')}截止`
          : `名额已满，报名后进入候补（当前 ${event.waitlistCount} 人候补）`
      main = (
        <AppButton block loading={busy} onTap={signUp}>
          {isContest && !choosing ? '选择项目并报名' : state.kind === 'full' ? '报名（候补）' : '报名'}
        </AppButton>
      )
      break
    case 'registered':
      note = '已报名，请按时参加'
      hint = `${formatDateTime(checkinOpensAt(Date.parse(event.startAt)))} 起可以签到`
      main = (
        <View className='ev-actions__stack'>
          {leaveButton}
          {cancelButton}
        </View>
      )
      break
    case 'checkin':
      note = '签到已开始，请向组织者获取签到码'
      main = (
        <View className='ev-actions__stack'>
          {onCheckIn ? (
            <AppButton block onTap={onCheckIn}>
              签到
            </AppButton>
          ) : null}
          {state.beforeStart ? leaveButton : null}
          {state.beforeStart ? cancelButton : null}
        </View>
      )
      break
    case 'checked-in':
      badge = (
        <View className={`ev-checked ev-checked--${state.attendance}`} role='status'>
          <Text className='ev-checked__title'>{state.attendance === 'late' ? '迟到' : '已签到'}</Text>
          {state.checkedInAt ? <Text className='ev-checked__time'>签到时间 {formatDateTime(state.checkedInAt)}</Text> : null}
        </View>
      )
      note = state.attendance === 'late' ? '活动开始 15 分钟后签到记为迟到，学时照常计入' : '签到成功，学时将计入出勤记录'
      break
    case 'leave':
      badge = (
        <View className='ev-checked ev-checked--leave' role='status'>
          <Text className='ev-checked__title'>已请假</Text>
          {(event.myRegistration?.leaveReason ?? leaveReason) ? (
            <Text className='ev-checked__time'>请假理由：{event.myRegistration?.leaveReason ?? leaveReason}</Text>
          ) : null}
        </View>
      )
      note = '名额已让给候补的书记，本次活动不计缺勤'
      break
    case 'waitlisted':
      note = `候补第 ${state.position} 位，有人取消时将按顺序自动转为已报名`
      main = cancelButton
      break
    case 'closed':
      main = (
        <AppButton block disabled>
          报名已截止
        </AppButton>
      )
      break
    case 'started':
      note = '活动已开始，不能再报名'
      break
    case 'ended':
      note = event.myRegistration?.status === 'registered' ? '活动已结束，出勤情况见“出勤记录”' : '活动已结束'
      break
    case 'cancelled':
      note = '活动已取消'
      break
  }

  return (
    <View className='ev-actions'>
      {choosing && isContest && (state.kind === 'open' || state.kind === 'full') ? (
        <ContestItemsPicker items={event.contestItems ?? []} chosen={items} onChange={setItems} />
      ) : null}
      {state.kind === 'waitlisted' ? <Text className='ev-actions__note ev-actions__wait'>候补第 {state.position} 位</Text> : null}
      {badge}
      {note ? <Text className='ev-actions__note'>{note}</Text> : null}
      {hint ? <Text className='ev-actions__note'>{hint}</Text> : null}
      {error ? (
        <View className='ev-actions__error' role='alert'>
          {error}
          {retry ? (
            <AppButton small variant='secondary' loading={busy} onTap={retry}>
              重试
            </AppButton>
          ) : null}
        </View>
      ) : null}
      {main}
    </View>
  )
}
