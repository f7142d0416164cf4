import { z } from 'zod/mini'
import { userSchema } from './auth'
import { isoDate, isoDateTime, pageOf, pageQueryShape, text } from './common'
import { eventSchema } from './event'

/** The four kinds of honour; Chinese names in HONOUR_TYPE_LABELS. */
export const honourTypeSchema = z.enum(['innovation', 'excellent', 'contest', 'retirement'], { error: '请选择荣誉类别' })
export type HonourType = z.infer<typeof honourTypeSchema>

/** Chinese names of the honour types, as the 荣誉墙 groups them. */
export const HONOUR_TYPE_LABELS: Record<HonourType, string> = {
  innovation: '岗位创新奖',
  excellent: '优秀书记',
  contest: '技能比武',
  retirement: '荣退',
}

export { awardQuotaFullMessage, INNOVATION_AWARD_AMOUNT_YUAN, INNOVATION_AWARD_QUOTA } from './honour-quota'
import { INNOVATION_AWARD_AMOUNT_YUAN } from './honour-quota'

/** `Honour` as API.md defines it; `amount` is in yuan. */
export const honourSchema = z.object({
  id: z.string(),
  year: z.number().check(z.int()),
  type: honourTypeSchema,
  title: z.string(),
  recipient: userSchema,
  citation: z.string(),
  amount: z.optional(z.number()),
  awardedAt: isoDateTime,
})
export type Honour = z.infer<typeof honourSchema>

/** A page of honours. */
export const honourPageSchema = pageOf(honourSchema)

/** Query of `GET /honours` and `GET /me/honours`. */
export const honourListQuerySchema = z.strictObject({
  year: z.optional(z.pipe(z.string().check(z.regex(/^\d{4}$/, { error: '年份应为 4 位数字' })), z.transform(Number))),
  type: z.optional(honourTypeSchema),
  ...pageQueryShape,
})
export type HonourListQuery = z.input<typeof honourListQuerySchema>

/** Body of `POST /honours`. Innovation awards carry exactly 5000 yuan (checked by the server's rule). */
export const createHonourBodySchema = z.strictObject({
  year: z
    .number({ error: '年份应为整数' })
    .check(z.int({ error: '年份应为整数' }), z.gte(2000, { error: '年份应在 2000–2100 之间' }), z.lte(2100, { error: '年份应在 2000–2100 之间' })),
  type: honourTypeSchema,
  title: text(2, 60),
  recipientId: z.string({ error: '请选择获奖人' }).check(z.minLength(1, { error: '请选择获奖人' }), z.maxLength(64)),
  citation: text(2, 500, { multiline: true }),
  amount: z.optional(
    z.number({ error: '奖金应为数字' }).check(z.gte(0, { error: '奖金不能小于 0' }), z.lte(1_000_000, { error: '奖金过大' })),
  ),
})
export type CreateHonourBody = z.input<typeof createHonourBodySchema>

/** Field errors of the amount rule: innovation awards carry exactly 5000 yuan. */
export function honourAmountErrors(body: { type: HonourType; amount?: number }): Record<string, string> {
  if (body.type === 'innovation' && body.amount !== INNOVATION_AWARD_AMOUNT_YUAN) {
    return { amount: `岗位创新奖奖金为 ${INNOVATION_AWARD_AMOUNT_YUAN} 元` }
  }
  return {}
}

/** Answer of `GET /theme-months/:year`. */
export const themeMonthSchema = z.object({
  year: z.number().check(z.int()),
  /** The spring equinox (春分) in China time. */
  equinox: isoDate,
  /** Visible events starting in March of the year, by startAt. */
  activities: z.array(eventSchema),
  honours: z.array(honourSchema),
})
export type ThemeMonth = z.infer<typeof themeMonthSchema>

/** The `:year` of `GET /theme-months/:year`: four digits, 2000–2100. */
export const themeMonthYearSchema = z.pipe(
  z.pipe(z.string().check(z.regex(/^\d{4}$/, { error: '年份应为 4 位数字' })), z.transform(Number)),
  z.number().check(z.int(), z.gte(2000, { error: '年份应在 2000–2100 之间' }), z.lte(2100, { error: '年份应在 2000–2100 之间' })),
)
