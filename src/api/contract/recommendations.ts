import { z } from 'zod/mini'
import { eventSchema } from './event'
import { examModuleSchema } from './exam-module'

/**
 * `GET /me/recommendations`: a page of upcoming lectures, and the modules of the caller's latest
 * qualification attempt that scored under 60 % (empty: nothing to recommend).
 */
export const recommendationsSchema = z.object({
  modules: z.array(examModuleSchema),
  items: z.array(eventSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
})
export type Recommendations = z.infer<typeof recommendationsSchema>
