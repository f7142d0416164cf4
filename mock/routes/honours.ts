import {
  HONOUR_TYPE_LABELS,
  INNOVATION_AWARD_AMOUNT_YUAN,
  INNOVATION_AWARD_QUOTA,
  awardQuotaFullMessage,
  createHonourBodySchema,
  honourAmountErrors,
  honourListQuerySchema,
  honourPageSchema,
  honourSchema,
} from '../../src/api/contract/honour'
import type { HonourRecord } from '../db'
import { cityOnly, honourLink, notify } from '../domain'
import { honourViews, honourViewWith, newestFirst } from '../honours-view'
import { HttpError, parseOrThrow, validationFailed } from '../http'
import { paginate } from '../paging'
import { countHonours, findHonour, insertHonour, listHonours, lockHonourQuota } from '../repos/honours'
import { nextId } from '../repos/ids'
import { findUser } from '../repos/users'
import type { Route } from '../router'
import { isCityOrganiser } from '../scope'
import { appendAudit } from '../audit'

/** The 荣誉墙, honour details, 我的荣誉 and publishing an honour. */
export const honourRoutes: Route[] = [
  {
    method: 'GET',
    path: '/honours',
    access: 'any',
    doc: { summary: 'Honours, newest first; all years unless `year` is given', query: honourListQuerySchema, response: honourPageSchema },
    async handle({ tx, query, user }) {
      const { year, type, page, pageSize } = parseOrThrow(honourListQuerySchema, query)
      const one = paginate(newestFirst(await listHonours(tx, { year, type })), page, pageSize, (h) => h)
      return { status: 200, body: { ...one, items: await honourViews(tx, one.items, user) } }
    },
  },
  {
    method: 'GET',
    path: '/honours/:id',
    access: 'any',
    doc: { summary: 'One honour', response: honourSchema },
    async handle({ tx, params, user }) {
      const honour = await findHonour(tx, params.id)
      if (!honour) throw new HttpError(404, 'NOT_FOUND', '没有找到这项荣誉，它可能已被撤销')
      return { status: 200, body: (await honourViews(tx, [honour], user))[0] }
    },
  },
  {
    method: 'GET',
    path: '/me/honours',
    access: ['secretary'],
    doc: { summary: 'My honours (我的荣誉), newest first', query: honourListQuerySchema, response: honourPageSchema },
    async handle({ tx, query, user }) {
      const { year, type, page, pageSize } = parseOrThrow(honourListQuerySchema, query)
      const mine = await listHonours(tx, { year, type, recipientId: user.id })
      const one = paginate(newestFirst(mine), page, pageSize, (h) => h)
      return { status: 200, body: { ...one, items: await honourViews(tx, one.items, user) } }
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
    async handle({ tx, clock, body, user }) {
      // City organisers only (API.md v1.1), refused before the body is read.
      if (!isCityOrganiser(user)) throw cityOnly('荣誉')
      const input = parseOrThrow(createHonourBodySchema, body)
      const recipient = await findUser(tx, input.recipientId)
      const errors: Record<string, string> = { ...honourAmountErrors(input) }
      if (!recipient || recipient.role !== 'secretary') errors.recipientId = '没有这位书记，请从名单中重新选择获奖人'
      if (Object.keys(errors).length) throw validationFailed(errors)
      // Under the quota's lock, counting and adding cannot interleave with another award.
      await lockHonourQuota(tx, input.year, input.type)
      if (input.type === 'innovation' && (await countHonours(tx, input.year, 'innovation')) >= INNOVATION_AWARD_QUOTA) {
        throw new HttpError(409, 'AWARD_QUOTA_FULL', awardQuotaFullMessage(input.year))
      }
      const now = clock.now()
      const honour: HonourRecord = {
        id: await nextId(tx, 'hon-'),
        year: input.year,
        type: input.type,
        title: input.title,
        recipientId: recipient!.id,
        citation: input.citation,
        ...(input.amount !== undefined ? { amount: input.amount } : {}),
        awardedAt: now,
        createdBy: user.id,
      }
      await insertHonour(tx, honour)
      const { id: _id, awardedAt: _at, createdBy: _by, ...kept } = honour
      await appendAudit(tx, { by: user.id, at: now, action: 'create', entity: 'honours', entityId: honour.id, after: kept })
      const prize = honour.type === 'innovation' ? `，奖金 ${INNOVATION_AWARD_AMOUNT_YUAN} 元` : ''
      await notify(
        tx,
        recipient!.id,
        {
          kind: 'honour_awarded',
          title: '您获得了一项组织荣誉',
          body: `祝贺您获得 ${honour.year} 年${HONOUR_TYPE_LABELS[honour.type]}「${honour.title}」${prize}。点击查看颁奖词。`,
          link: honourLink(honour.id),
        },
        now,
      )
      return { status: 201, body: honourViewWith(honour, recipient!, user) }
    },
  },
]
