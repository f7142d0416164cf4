import { checkinAttendance, checkinOpensAt } from '../../src/api/contract/checkin-window'
import { checkinBodySchema, checkinCodeSchema, checkinResultSchema, type CheckinResult } from '../../src/api/contract/event'
import { toChinaIso, chinaMonthDayTime } from '../../src/api/contract/time'
import { CHECKIN_SLOT_MS, checkinCode, checkinSlot, isValidCheckinCode } from '../checkin-code'
import type { EventRecord, RegistrationRecord } from '../db'
import { eventCancelled, findRegistration, holdsSeat, organiserEvent, registrationsOf, visibleEvent } from '../domain'
import { distanceMetres } from '../geo'
import { CHECKIN_CODE_LIMIT, clearFailures, countFailure, lockedFor, lockedOut } from '../attempts'
import { HttpError, errorReply, parseOrThrow } from '../http'
import { updateRegistration } from '../repos/registrations'
import type { Route } from '../router'

/** Farther than this from the venue → TOO_FAR. */
export const GEOFENCE_M = 1000

const lateAt = (event: EventRecord, at: number) => checkinAttendance(event.startAt, at)

// The answer of a check-in; an organiser's later override of present/late shows, otherwise the time decides.
function checkinResult(record: RegistrationRecord, event: EventRecord, checkedInAt: number): CheckinResult {
  const attendance = record.attendance === 'present' || record.attendance === 'late' ? record.attendance : lateAt(event, checkedInAt)
  return { attendance, checkedInAt: toChinaIso(checkedInAt) }
}

/** The rotating check-in code (organisers) and check-in itself (secretaries). */
export const checkinRoutes: Route[] = [
  {
    method: 'GET',
    path: '/events/:id/checkin-code',
    access: ['organiser'],
    doc: { summary: 'The current 6-digit check-in code (changes every 60 s) and the live count', response: checkinCodeSchema },
    async handle({ tx, clock, params, user }) {
      const event = await organiserEvent(tx, params.id, { manager: user })
      if (event.status === 'cancelled') throw eventCancelled()
      const now = clock.now()
      const slot = checkinSlot(now)
      const regs = await registrationsOf(tx, event.id)
      return {
        status: 200,
        body: {
          code: checkinCode(event, slot),
          expiresAt: toChinaIso((slot + 1) * CHECKIN_SLOT_MS),
          checkedInCount: regs.filter((r) => r.status === 'registered' && (r.attendance === 'present' || r.attendance === 'late')).length,
          registeredCount: regs.filter(holdsSeat).length,
        },
      }
    },
  },
  {
    method: 'POST',
    path: '/events/:id/checkin',
    access: ['secretary'],
    idempotent: true,
    doc: { summary: 'Check in with the code (and location); late after start + 15 min', body: checkinBodySchema, response: checkinResultSchema },
    async handle({ tx, clock, params, body, user }) {
      const { code, location } = parseOrThrow(checkinBodySchema, body)
      // Locked: a check-in and an organiser's override of the same registration are applied one after the other.
      const event = await visibleEvent(tx, params.id, user, { lock: true })
      const now = clock.now()
      const record = await findRegistration(tx, event.id, user.id)
      if (record?.status === 'registered' && record.checkedInAt !== undefined) {
        return { status: 200, body: checkinResult(record, event, record.checkedInAt) }
      }
      if (event.status === 'cancelled') throw eventCancelled()
      if (now < checkinOpensAt(event.startAt)) {
        const opens = chinaMonthDayTime(checkinOpensAt(event.startAt))
        throw new HttpError(409, 'CHECKIN_WINDOW_CLOSED', `签到还没开始：${opens} 起可以签到`)
      }
      if (now > event.endAt) throw new HttpError(409, 'CHECKIN_WINDOW_CLOSED', '活动已结束，签到已关闭；如有疑问请联系组织者')
      if (!record || record.status !== 'registered' || record.attendance === 'leave') {
        throw new HttpError(409, 'NOT_REGISTERED', '您没有报名这个活动（或已请假），不能签到')
      }
      const { lat, lng } = event.venue
      const fenced = lat !== undefined && lng !== undefined
      // API.md v1.1: at a venue with coordinates the phone must say where it is; else the organiser marks 出席.
      if (fenced && !location) {
        throw new HttpError(400, 'LOCATION_REQUIRED', '请在活动现场开启定位后签到，或请现场组织者在名单上为你签到', {
          location: '请开启定位后再签到',
        })
      }
      const attempts = `checkin:${event.id}:${user.id}`
      const waitMs = await lockedFor(tx, attempts, now)
      if (waitMs > 0) throw lockedOut('TOO_MANY_ATTEMPTS', '签到码错误次数过多，暂时不能签到', waitMs)
      if (!isValidCheckinCode(event, code, now)) {
        // Answered, not thrown: the failure must be counted, so this transaction commits (it changes no data).
        await countFailure(tx, attempts, CHECKIN_CODE_LIMIT, now)
        return errorReply(
          new HttpError(400, 'CHECKIN_CODE_INVALID', '签到码不正确或已过期，请核对现场的最新签到码', { code: '签到码不正确或已过期' }),
        )
      }
      if (location && fenced) {
        // Compared at centimetre precision, so that exactly 1 km passes despite floating-point noise.
        const metres = Math.round(distanceMetres(location, { lat, lng }) * 100) / 100
        if (metres > GEOFENCE_M) {
          throw new HttpError(409, 'TOO_FAR', `您离活动地点约 ${(metres / 1000).toFixed(1)} 公里，请到现场 1 公里内再签到`)
        }
      }
      await clearFailures(tx, attempts)
      record.checkedInAt = now
      if (record.attendance !== 'present' && record.attendance !== 'late') record.attendance = lateAt(event, now)
      await updateRegistration(tx, record)
      return { status: 200, body: checkinResult(record, event, now) }
    },
  },
]
