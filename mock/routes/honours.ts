import {
  HONOUR_TYPE_LABELS,
  INNOVATION_AWARD_AMOUNT_YUAN,
  INNOVATION_AWARD_QUOTA,
  createHonourBodySchema,
  honourAmountErrors,
  honourListQuerySchema,
  honourPageSchema,
  honourSchema,
  type Honour,
} from '../../src/api/contract/honour'
import { toChinaIso } from '../../src/api/contract/time'
import type { Db, HonourRecord, UserRecord } from '../db'
import { honourLink, notify, userView } from '../domain'
import { HttpError, parseOrThrow, validationFailed } from '../http'
import type { Route } from '../router'
import { paginate } from './paging'

/** `Honour` as `viewer` sees it (the recipient's phone masked for other secretaries). */
export function honourView(db: Db, honour: HonourRecord, viewer: UserRecord): Honour {
  const recipient = db.state.users.find((u) => u.id === honour.recipientId)!
  return {
    id: honour.id,
    year: honour.year,
    type: honour.type,
    title: honour.title,
    recipient: userView(recipient, viewer),
    citation: honour.citation,
    ...(honour.amount !== undefined ? { amount: honour.amount } : {}),
    awardedAt: toChinaIso(honour.awardedAt),
  }
}

const TYPE_ORDER = Object.keys(HONOUR_TYPE_LABELS)

/**
 * Honours newest first by awardedAt; those of one ceremony (the same instant) by type as the 荣誉墙
 * groups them (岗位创新奖, 优秀书记, 技能比武, 荣退), then in the order they were given.
 */
export function newestFirst(db: Db, honours: HonourRecord[]): HonourRecord[] {
  const order = new Map(db.state.honours.map((h, i) => [h.id, i]))
  return [...honours].sort(
    (a, b) =>
      b.awardedAt - a.awardedAt ||
      TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) ||
      order.get(a.id)! - order.get(b.id)!,
  )
}

/** Innovation awards already given for `year`. */
export function innovationAwardsOf(db: Db, year: number): number {
  return db.state.honours.filter((h) => h.type === 'innovation' && h.year === year).length
}

/** The 荣誉墙, honour details, 我的荣誉 and publishing an honour. */
export const honourRoutes: Route[] = [
  {
    method: 'GET',
    path: '/honours',
    access: 'any',
    doc: { summary: 'Honours, newest first; all years unless `year` is given', query: honourListQuerySchema, response: honourPageSchema },
    handle({ db, query, user }) {
      const { year, type, page, pageSize } = parseOrThrow(honourListQuerySchema, query)
      const found = db.state.honours.filter((h) => (year === undefined || h.year === year) && (!type || h.type === type))
      return { status: 200, body: paginate(newestFirst(db, found), page, pageSize, (h) => honourView(db, h, user)) }
    },
  },
  {
    method: 'GET',
    path: '/honours/:id',
    access: 'any',
    doc: { summary: 'One honour', response: honourSchema },
    handle({ db, params, user }) {
      const honour = db.state.honours.find((h) => h.id === params.id)
      if (!honour) throw new HttpError(404, 'NOT_FOUND', '没有找到这项荣誉，它可能已被撤销')
      return { status: 200, body: honourView(db, honour, user) }
    },
  },
  {
    method: 'GET',
    path: '/me/honours',
    access: ['secretary'],
    doc: { summary: 'My honours (我的荣誉), newest first', query: honourListQuerySchema, response: honourPageSchema },
    handle({ db, query, user }) {
      const { year, type, page, pageSize } = parseOrThrow(honourListQuerySchema, query)
      const mine = db.state.honours.filter(
        (h) => h.recipientId === user.id && (year === undefined || h.year === year) && (!type || h.type === type),
      )
      return { status: 200, body: paginate(newestFirst(db, mine), page, pageSize, (h) => honourView(db, h, user)) }
    },
  },
  {
    method: 'POST',
    path: '/honours',
    access: ['organiser'],
    idempotent: true,
    doc: {
      summary: 'Publish an honour; 岗位创新奖 carry 5000 yuan and are at most 30 a year (409 AWARD_QUOTA_FULL); the recipient is notified',
      body: createHonourBodySchema,
      response: honourSchema,
      status: 201,
    },
    handle({ db, clock, body, user }) {
      const input = parseOrThrow(createHonourBodySchema, body)
      const recipient = db.state.users.find((u) => u.id === input.recipientId)
      const errors: Record<string, string> = { ...honourAmountErrors(input) }
      if (!recipient || recipient.role !== 'secretary') errors.recipientId = '没有这位书记，请从名单中重新选择获奖人'
      if (Object.keys(errors).length) throw validationFailed(errors)
      // Handlers run synchronously, so counting and adding cannot interleave with another request.
      if (input.type === 'innovation' && innovationAwardsOf(db, input.year) >= INNOVATION_AWARD_QUOTA) {
        throw new HttpError(
          409,
          'AWARD_QUOTA_FULL',
          `${input.year} 年的岗位创新奖已评满 ${INNOVATION_AWARD_QUOTA} 名，不能再评；如需调整请先与市委组织部核对名单`,
        )
      }
      const now = clock.now()
      const honour: HonourRecord = {
        id: db.nextId('hon-'),
        year: input.year,
        type: input.type,
        title: input.title,
        recipientId: recipient!.id,
        citation: input.citation,
        ...(input.amount !== undefined ? { amount: input.amount } : {}),
        awardedAt: now,
        createdBy: user.id,
      }
      db.state.honours.push(honour)
      const prize = honour.type === 'innovation' ? `，奖金 ${INNOVATION_AWARD_AMOUNT_YUAN} 元` : ''
      notify(
        db,
        recipient!.id,
        {
          kind: 'honour_awarded',
          title: '您获得了一项组织荣誉',
          body: `祝贺您获得 ${honour.year} 年${HONOUR_TYPE_LABELS[honour.type]}「${honour.title}」${prize}。点击查看颁奖词。`,
          link: honourLink(honour.id),
        },
        now,
      )
      return { status: 201, body: honourView(db, honour, user) }
    },
  },
]
