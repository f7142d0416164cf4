import { Text, View } from '@tarojs/components'
import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import type { CheckinCode } from '@/api/contract/event'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { getCheckinCode } from '@/api/checkin'
import { getEvent } from '@/api/events'
import { checkinPayload, secondsUntil } from '../lib/checkin-code'
import { QrCode } from './qr-code'
import './event-admin.css'

const POLL_MS = 5_000

/**
 * 签到码 on a full screen: the current 6-digit code in very large type and as a QR code, the
 * countdown to the next code, and a live count of who has checked in (refreshed every 5 s while shown).
 */
export function CheckinCodeScreen({ eventId }: { eventId: string }) {
  const [info, setInfo] = useState<CheckinCode | null>(null)
  const [title, setTitle] = useState('')
  const [error, setError] = useState('')
  const [now, setNow] = useState(() => Date.now())
  const busy = useRef(false)
  const hidden = useRef(false)
  // The expiry a refetch was already made for: a phone clock ahead of the server's must not loop.
  const refetchedFor = useRef<string | null>(null)
  const timers = useRef<ReturnType<typeof setInterval>[]>([])

  const load = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    try {
      setInfo(await getCheckinCode(eventId))
      setError('')
    } catch (failure) {
      setError(toApiError(failure).message)
    } finally {
      busy.current = false
      setNow(Date.now())
    }
  }, [eventId])

  const stop = useCallback(() => {
    timers.current.forEach((timer) => clearInterval(timer))
    timers.current = []
  }, [])
  const start = useCallback(() => {
    stop()
    void load()
    timers.current = [setInterval(() => void load(), POLL_MS), setInterval(() => setNow(Date.now()), 1000)]
  }, [load, stop])

  useEffect(() => {
    start()
    return stop
  }, [start, stop])
  useDidHide(() => {
    hidden.current = true
    stop()
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    start()
  })
  useEffect(() => {
    getEvent(eventId)
      .then((event) => setTitle(event.title))
      .catch(() => undefined) // the title is a nicety; the code matters
  }, [eventId])

  const left = info ? secondsUntil(info.expiresAt, now) : null
  useEffect(() => {
    if (!info || left !== 0 || refetchedFor.current === info.expiresAt) return
    refetchedFor.current = info.expiresAt
    void load()
  }, [info, left, load])

  if (!info && error) return <ErrorState message={error} onRetry={start} />
  if (!info) return <LoadingState rows={2} label='正在获取签到码…' />

  const counted = info.checkedInCount !== undefined && info.registeredCount !== undefined
  return (
    <View className='ea-code'>
      {title ? <Text className='ea-code__event'>{title}</Text> : null}
      <Text className='ea-code__label'>签到码</Text>
      <Text className='ea-code__digits' aria-label={`签到码 ${info.code.split('').join(' ')}`}>
        {info.code}
      </Text>
      <QrCode text={checkinPayload(eventId, info.code)} label='签到二维码' />
      <Text className='ea-code__countdown'>{left ? `${left} 秒后更换签到码` : '正在更换签到码…'}</Text>
      <Text className='ea-code__hint'>签到码每分钟更换一次，刚换下的签到码仍可使用。</Text>
      {counted ? (
        <Text className='ea-code__count'>
          已签到 {info.checkedInCount} / 已报名 {info.registeredCount}
        </Text>
      ) : null}
      {error ? <Text className='ea-code__stale'>网络不稳定，显示的可能不是最新情况。{error}</Text> : null}
    </View>
  )
}
