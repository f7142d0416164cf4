import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef, type ReactNode } from 'react'
import type { Event } from '@/api/contract/event'
import { useLoad } from '@/shared/hooks/use-load'
import { formatTimeRange } from '@/shared/lib/dates'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'
import { LoadingState } from '@/shared/ui/state-view'
import { chinaDay } from '@/api/contract/time'
import { fillingUpEvents, todaysEvents } from '../lib/dashboard'
import { homeLoads } from '../prefetch-home'
import { DashCard, DashLink, firstLoadPending } from './dash-card'
import './dashboard.css'

/** `已签到 8 / 已报名 30`, or only the registered count when the server sends no check-in count. */
function checkinLine(e: Event): string {
  return e.checkedInCount === undefined ? `已报名 ${e.registeredCount} 人` : `已签到 ${e.checkedInCount} / 已报名 ${e.registeredCount}`
}

/** 首页 of an organiser: today's events with check-in counts, sign-ups filling up, sheets waiting for review. */
export function OrganiserDashboard({ now, footer }: { now: number; footer?: ReactNode }) {
  const year = chinaDay(now).y
  const events = useLoad(() => homeLoads.events.get(), [])
  const waiting = useLoad(() => homeLoads.waiting.get(year), [year])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) {
      void events.reload()
      void waiting.reload()
    }
    shown.current = true
  })

  if (firstLoadPending(events, waiting)) return <LoadingState rows={3} label='正在加载首页…' />
  return (
    <View>
      <DashCard title='今日活动' loaded={events}>
        {(list) => {
          const today = todaysEvents(list, now)
          if (today.length === 0) return <DashLink text='今天没有活动' detail='活动管理里可以发布新活动' onTap={() => openPage(ROUTES.organiserEvents)} />
          return today.map((e) => (
            <View key={e.id} className='db-today'>
              <DashLink text={e.title} detail={`${formatTimeRange(e.startAt, e.endAt)} · ${checkinLine(e)}`} onTap={() => openPage(withQuery(ROUTES.organiserRoster, { id: e.id }))} />
              <View className='zs-row'>
                <AppButton small onTap={() => openPage(withQuery(ROUTES.organiserCheckinCode, { id: e.id }))}>
                  签到码
                </AppButton>
                <AppButton small variant='secondary' onTap={() => openPage(withQuery(ROUTES.organiserRoster, { id: e.id }))}>
                  名单
                </AppButton>
              </View>
            </View>
          ))
        }}
      </DashCard>
      <DashCard title='报名将满' loaded={events}>
        {(list) => {
          const filling = fillingUpEvents(list, now)
          if (filling.length === 0) return <Text className='zs-muted'>没有即将报满的活动</Text>
          return filling.map((e) => (
            <DashLink
              key={e.id}
              text={e.title}
              detail={`已报名 ${e.registeredCount}/${e.capacity}${e.waitlistCount ? ` · 候补 ${e.waitlistCount} 人` : ''}`}
              onTap={() => openPage(withQuery(ROUTES.organiserRoster, { id: e.id }))}
            />
          ))
        }}
      </DashCard>
      <DashCard title='待审核的履职承诺' loaded={waiting}>
        {(count) => (
          <DashLink text={count ? `${count} 份等待审核` : '没有等待审核的承诺'} detail={`${year} 年度`} onTap={() => openPage(ROUTES.organiserCommitments)} />
        )}
      </DashCard>
      {footer}
    </View>
  )
}
