import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { Event } from '@/api/contract/event'
import { formatRemaining } from '@/shared/lib/dates'
import { AppButton } from '@/shared/ui/app-button'
import { useEventsStore } from '../events-store'
import { signupState } from '../lib/signup-state'
import { ContestItemsPicker } from './contest-items-picker'

/** The action that fits the event's state: 报名 / 取消报名 / 候补第 N 位 / 报名已截止; contests ask for items first. */
export function RegistrationActions({ event, now }: { event: Event; now: number }) {
  const register = useEventsStore((s) => s.register)
  const cancel = useEventsStore((s) => s.cancel)
  const busy = useEventsStore((s) => Boolean(s.busy[event.id]))
  const [choosing, setChoosing] = useState(false)
  const [items, setItems] = useState<string[]>([])
  const [error, setError] = useState<string | null>(null)
  const state = signupState(event, now)
  const isContest = event.type === 'contest' && (event.contestItems?.length ?? 0) > 0

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null)
    try {
      await action()
      setChoosing(false)
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (failure) {
      setError(toApiError(failure).message)
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
    void run(() => register(event.id, isContest ? items : undefined), state.kind === 'full' ? '已加入候补' : '报名成功')
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

  let note: string | null = null
  let main = null
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
      main = (
        <AppButton block variant='danger' loading={busy} onTap={() => void confirmCancel()}>
          取消报名
        </AppButton>
      )
      break
    case 'waitlisted':
      note = `候补第 ${state.position} 位，有人取消时将按顺序自动转为已报名`
      main = (
        <AppButton block variant='danger' loading={busy} onTap={() => void confirmCancel()}>
          取消报名
        </AppButton>
      )
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
      {note ? <Text className='ev-actions__note'>{note}</Text> : null}
      {error ? (
        <View className='ev-actions__error' role='alert'>
          {error}
        </View>
      ) : null}
      {main}
    </View>
  )
}
