import { auditPageSchema, auditQuerySchema } from '../../src/api/contract/audit'
import { toChinaIso } from '../../src/api/contract/time'
import { listAudit } from '../audit'
import { cityOnly, userView } from '../domain'
import { parseOrThrow } from '../http'
import { paginate } from '../paging'
import { usersById } from '../repos/users'
import type { Route } from '../router'
import { isCityOrganiser } from '../scope'

/** GET /audit: the organiser changes, newest first, for 市委组织部. */
export const auditRoutes: Route[] = [
  {
    method: 'GET',
    path: '/audit',
    access: ['organiser'],
    doc: {
      summary: 'Every organiser change, newest first, by entity, entity id and author; city organisers only (town → 403 OUT_OF_SCOPE)',
      query: auditQuerySchema,
      response: auditPageSchema,
    },
    async handle({ tx, query, user }) {
      if (!isCityOrganiser(user)) throw cityOnly('操作记录')
      const { entity, entityId, by, page, pageSize } = parseOrThrow(auditQuerySchema, query)
      const one = paginate(await listAudit(tx, { entity, entityId, by }), page, pageSize, (e) => e)
      const people = await usersById(tx, [...new Set(one.items.map((e) => e.by))])
      return {
        status: 200,
        body: {
          ...one,
          items: one.items.map((e) => ({ ...e, at: toChinaIso(e.at), by: userView(people.get(e.by)!, user) })),
        },
      }
    },
  },
]
