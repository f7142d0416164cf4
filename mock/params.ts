import { z } from 'zod'
import { yearSchema } from '../src/api/contract/commitment'

// Path parameters shared by the commitment and score routes.

/** A 4-digit year in a path, 2000–2100, else 400 with fields.year. */
export const yearParamSchema = z.strictObject({
  year: z.string().regex(/^\d{4}$/, { error: '年份应为 4 位数字' }).transform(Number).pipe(yearSchema),
})

/** A quarter in a path, 1–4, else 400 with fields.quarter. */
export const quarterParamSchema = z.strictObject({
  quarter: z.string().regex(/^[1-4]$/, { error: '季度应为 1–4' }).transform(Number),
})
