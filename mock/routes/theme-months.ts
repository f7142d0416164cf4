import { z } from 'zod'
import { springEquinoxChinaDate } from '../../src/api/contract/equinox'
import { themeMonthSchema, themeMonthYearSchema } from '../../src/api/contract/honour'
import { chinaMonthRange } from '../../src/api/contract/time'
import { canSeeWith, eventViews } from '../domain'
import { honourViews, newestFirst } from '../honours-view'
import { parseOrThrow } from '../http'
import { listEvents } from '../repos/events'
import { listHonours } from '../repos/honours'
import { registrationsOfUser } from '../repos/registrations'
import type { Route } from '../router'

/** The March theme month (支书主题活动月) of a year: its 春分, its events and its honours. */
export const themeMonthRoutes: Route[] = [
  {
    method: 'GET',
    path: '/theme-months/:year',
    access: 'any',
    doc: {
      summary: 'The theme month of a year (2000–2100): 春分 in China time, the visible March events by startAt, the honours of the year',
      query: z.strictObject({}),
      response: themeMonthSchema,
    },
    async handle({ tx, clock, params, query, user }) {
      const { year } = parseOrThrow(z.strictObject({ year: themeMonthYearSchema }), { year: params.year })
      parseOrThrow(z.strictObject({}), query)
      const now = clock.now()
      const [start, end] = chinaMonthRange(year, 3)
      const mine = await registrationsOfUser(tx, user.id)
      const activities = (await listEvents(tx, { from: start, to: end }))
        .filter((e) => canSeeWith(e, user, mine.get(e.id)))
        .sort((a, b) => a.startAt - b.startAt || a.id.localeCompare(b.id))
      const honours = newestFirst(await listHonours(tx, { year }))
      return {
        status: 200,
        body: {
          year,
          equinox: springEquinoxChinaDate(year),
          activities: await eventViews(tx, activities, user, now),
          honours: await honourViews(tx, honours, user),
        },
      }
    },
  },
]
