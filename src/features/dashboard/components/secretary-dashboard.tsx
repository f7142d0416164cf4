import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useRef, type ReactNode } from 'react'
import { COMMITMENT_STATUS_LABELS } from '@/api/contract/commitment'
import { useLoad } from '@/shared/hooks/use-load'
import { formatDateTime } from '@/shared/lib/dates'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Badge } from '@/shared/ui/badge'
import { LoadingState } from '@/shared/ui/state-view'
import { chinaDay, chinaQuarter } from '@/api/contract/time'
import { checkinOpenEvents, itemsDueThisQuarter, nextRegisteredEvents, themeBanner, themeBannerYear } from '../lib/dashboard'
import { homeLoads } from '../prefetch-home'
import { DashCard, DashLink, firstLoadPending } from './dash-card'
import './dashboard.css'

const openEvent = (id: string) => openPage(withQuery(ROUTES.eventDetail, { id }))

/** 首页 of a secretary: 签到 open now, the next sign-ups, this year's 履职承诺, 消息, and the theme month in Feb–Mar. */
export function SecretaryDashboard({ now, unread, footer }: { now: number; unread: number | null; footer?: ReactNode }) {
  const year = chinaDay(now).y
  const events = useLoad(() => homeLoads.myEvents.get(), [])
  const commitment = useLoad(() => homeLoads.myCommitment.get(year), [year])
  const bannerYear = themeBannerYear(now)
  // Only in February–March; a failure just leaves the banner out.
  const equinox = useLoad(() => (bannerYear ? homeLoads.equinox.get(bannerYear) : Promise.resolve(null)), [bannerYear])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) {
      void events.reload()
      void commitment.reload()
    }
    shown.current = true
  })
  const checkin = events.data ? checkinOpenEvents(events.data, now) : []
  const banner = bannerYear && equinox.data ? themeBanner(equinox.data, now) : null

  if (firstLoadPending(events, commitment, equinox)) return <LoadingState rows={3} label='正在加载首页…' />
  return (
    <View>
      {checkin.map((event) => (
        <View key={event.id} className='zs-card db-card--alert'>
          <Text className='db-card__title'>签到已开始</Text>
          <Text className='db-link__text'>{event.title}</Text>
          <Text className='db-link__detail'>
            {formatDateTime(event.startAt)} · {event.venue.name}
          </Text>
          <AppButton block onTap={() => openPage(withQuery(ROUTES.checkin, { id: event.id }))}>
            去签到
          </AppButton>
        </View>
      ))}
      {banner ? (
        <View className='db-banner' {...tappable('link', () => openPage(ROUTES.honours))}>
          <Text className='db-banner__big'>{bannerYear} 年支书主题活动月</Text>
          <Text className='db-banner__text'>
            春分 {banner.equinox}
            {banner.daysLeft === null ? ' · 活动月进行中' : banner.daysLeft === 0 ? ' · 今天是春分' : ` · 距春分还有 ${banner.daysLeft} 天`}
          </Text>
        </View>
      ) : null}
      <DashCard title='我的报名' loaded={events}>
        {(list) => {
          const next = nextRegisteredEvents(list, 3)
          if (next.length === 0) return <DashLink text='近期没有报名的活动' detail='去“活动”看看强村讲堂和技能比武' onTap={() => openPage(ROUTES.events)} />
          return (
            <View>
              {next.map((e) => (
                <DashLink
                  key={e.id}
                  text={e.title}
                  detail={`${formatDateTime(e.startAt)}${e.myRegistration?.status === 'waitlisted' ? ` · 候补第 ${e.myRegistration.waitlistPosition ?? '?'} 位` : ''}`}
                  onTap={() => openEvent(e.id)}
                />
              ))}
              <DashLink text='全部报名' onTap={() => openPage(ROUTES.myRegistrations)} />
            </View>
          )
        }}
      </DashCard>
      <DashCard title={`${year} 年履职承诺`} loaded={commitment}>
        {(sheet) => {
          if (!sheet) return <DashLink text='尚未填写履职承诺' detail='填写本年度承诺事项，提交审核' onTap={() => openPage(ROUTES.commitments)} />
          const due = itemsDueThisQuarter(sheet, now)
          return (
            <DashLink
              text={`${COMMITMENT_STATUS_LABELS[sheet.status]} · 完成 ${Math.round(sheet.completion)}%`}
              detail={due.length ? `本季度（第 ${chinaQuarter(now)} 季度）到期：${due.map((i) => `${i.title ?? '未命名事项'} ${i.latestPercent}%`).join('；')}` : '本季度没有到期的事项'}
              onTap={() => openPage(ROUTES.commitments)}
            />
          )
        }}
      </DashCard>
      <DashCard title='消息'>
        {() => (
          <DashLink
            text={unread === null ? '查看消息' : unread > 0 ? `${unread} 条未读消息` : '没有未读消息'}
            detail={unread ? <Badge count={unread} /> : undefined}
            onTap={() => openPage(ROUTES.notifications)}
          />
        )}
      </DashCard>
      {footer}
    </View>
  )
}
