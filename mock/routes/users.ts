import { z } from 'zod'
import { roleSchema, userSchema } from '../../src/api/contract/auth'
import { pageOf, pageQueryShape, text } from '../../src/api/contract/common'
import { userView } from '../domain'
import { parseOrThrow } from '../http'
import { paginate } from '../paging'
import { listUsers } from '../repos/users'
import { scopeTowns } from '../scope'
import type { Route } from '../router'

const usersQuerySchema = z.strictObject({
  role: z.optional(roleSchema),
  town: z.optional(text(1, 30)),
  q: z.optional(text(0, 30)),
  ...pageQueryShape,
})

/** People for organisers' pickers and score entry; a town organiser sees only their towns' people. */
export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users',
    access: ['organiser'],
    doc: { summary: 'People for pickers and score entry', query: usersQuerySchema, response: pageOf(userSchema) },
    async handle({ tx, query, user: viewer }) {
      const { role, town, q, page, pageSize } = parseOrThrow(usersQuerySchema, query)
      const needle = q?.toLowerCase()
      const found = (await listUsers(tx, { role, towns: scopeTowns(viewer, town) })).filter(
        (u) =>
          !needle || [u.name, u.phone, u.village ?? '', u.town].some((s) => s.toLowerCase().includes(needle)),
      )
      return { status: 200, body: paginate(found, page, pageSize, (u) => userView(u, viewer)) }
    },
  },
]
