import { isCheckinWindowOpen } from '@/api/contract/checkin-window'
import type { Event } from '@/api/contract/event'
import { EVENT_TYPE_LABELS } from '@/api/contract/event'

/** Where the caller stands with an event, which decides the action the detail page offers. */
export type SignupState =
  | { kind: 'registered' }
  | { kind: 'checkin'; beforeStart: boolean }
  | { kind: 'checked-in'; attendance: 'present' | 'late'; checkedInAt?: string }
  | { kind: 'leave' }
  | { kind: 'waitlisted'; position: number }
  | { kind: 'open'; seatsLeft: number }
  | { kind: 'full' }
  | { kind: 'closed' }
  | { kind: 'started' }
  | { kind: 'ended' }
  | { kind: 'cancelled' }

/** Whether the check-in window is open at `now`: from startAt − 30 min to endAt, both included. */
export function isCheckinOpen(event: Pick<Event, 'startAt' | 'endAt'>, now: number): boolean {
  return isCheckinWindowOpen(Date.parse(event.startAt), Date.parse(event.endAt), now)
}

/** Works out the sign-up state of an event at `now` (epoch ms). */
export function signupState(event: Event, now: number): SignupState {
  const mine = event.myRegistration
  const start = Date.parse(event.startAt)
  const end = Date.parse(event.endAt)
  if (event.status === 'cancelled') return { kind: 'cancelled' }
  if (mine?.status === 'registered') {
    if (mine.attendance === 'leave') return { kind: 'leave' }
    if (mine.attendance === 'present' || mine.attendance === 'late') {
      return { kind: 'checked-in', attendance: mine.attendance, checkedInAt: mine.checkedInAt }
    }
    if (now > end) return { kind: 'ended' }
    if (isCheckinOpen(event, now)) return { kind: 'checkin', beforeStart: now < start }
    return { kind: 'registered' }
  }
  if (mine?.status === 'waitlisted') return { kind: 'waitlisted', position: mine.waitlistPosition ?? 1 }
  if (now > end) return { kind: 'ended' }
  if (now >= start) return { kind: 'started' }
  if (now > Date.parse(event.signupDeadline)) return { kind: 'closed' }
  const seatsLeft = Math.max(0, event.capacity - event.registeredCount)
  return seatsLeft > 0 ? { kind: 'open', seatsLeft } : { kind: 'full' }
}

/** The short status line of an event row: seats left, 候补, or why sign-up is over. */
export function seatsLabel(event: Event, now: number): string {
  const state = signupState(event, now)
  switch (state.kind) {
    case 'registered':
      return '已报名'
    case 'checkin':
      return '已报名 · 可以签到'
    case 'checked-in':
      return state.attendance === 'late' ? '迟到' : '已签到'
    case 'leave':
      return '已请假'
    case 'waitlisted':
      return `候补第 ${state.position} 位`
    case 'open':
      return `剩余 ${state.seatsLeft} 个名额`
    case 'full':
      return `名额已满，可候补（${event.waitlistCount} 人候补中）`
    case 'closed':
      return '报名已截止'
    case 'started':
      return '活动进行中'
    case 'ended':
      return '活动已结束'
    case 'cancelled':
      return '活动已取消'
  }
}

/** The label of an event type in Chinese (强村讲堂 …). */
export function typeLabel(event: Pick<Event, 'type'>): string {
  return EVENT_TYPE_LABELS[event.type]
}
