import { z } from 'zod/mini'
import { userSchema } from './auth'
import { isoDateTime, pageOf, pageQueryShape, text } from './common'
import { PHOTOS_MAX, uploadUrlSchema } from './upload'

/** The five categories of a commitment item, as the article names them. */
export const COMMITMENT_CATEGORIES = ['集体经济', '产业发展', '基层治理', '民生实事', '党建工作'] as const
export const commitmentCategorySchema = z.enum(COMMITMENT_CATEGORIES, { error: '请选择类别' })
export type CommitmentCategory = z.infer<typeof commitmentCategorySchema>

/** Lifecycle of a sheet: draft → submitted → approved | returned → submitted … */
export const commitmentStatusSchema = z.enum(['draft', 'submitted', 'returned', 'approved'])
export type CommitmentStatus = z.infer<typeof commitmentStatusSchema>

/** Chinese names of the statuses (PRODUCT.md's UI words). */
export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已通过',
}

/** Items per sheet: at most 10 in a draft, 3–10 to submit. */
export const COMMITMENT_ITEMS_MIN = 3
export const COMMITMENT_ITEMS_MAX = 10

/** A quarter, 1–4. */
export const quarterSchema = z
  .number({ error: '季度应为 1–4' })
  .check(z.int({ error: '季度应为 1–4' }), z.gte(1, { error: '季度应为 1–4' }), z.lte(4, { error: '季度应为 1–4' }))

/** An optional measurable metric of an item: unit and target value. */
export const metricSchema = z.object({ unit: z.string(), targetValue: z.number() })
export type Metric = z.infer<typeof metricSchema>

/** One quarterly progress report of an item. */
export const progressEntrySchema = z.object({
  quarter: z.number().check(z.int(), z.gte(1), z.lte(4)),
  percent: z.number().check(z.gte(0), z.lte(100)),
  value: z.optional(z.number()),
  note: z.string(),
  photos: z.array(z.string()),
  reportedAt: isoDateTime,
})
export type ProgressEntry = z.infer<typeof progressEntrySchema>

/**
 * One item of a sheet. A draft may hold unfinished items, so category, title, target and
 * dueQuarter are absent until set; a submitted or approved sheet has them all.
 */
export const commitmentItemSchema = z.object({
  id: z.string(),
  category: z.optional(commitmentCategorySchema),
  title: z.optional(z.string()),
  target: z.optional(z.string()),
  metric: z.optional(metricSchema),
  dueQuarter: z.optional(z.number().check(z.int(), z.gte(1), z.lte(4))),
  /** Reports in quarter order, at most one per quarter. */
  progress: z.array(progressEntrySchema),
  /** Percent of the latest reported quarter, 0 before any report. */
  latestPercent: z.number().check(z.gte(0), z.lte(100)),
})
export type CommitmentItem = z.infer<typeof commitmentItemSchema>

/** `Commitment` as API.md defines it: a secretary's sheet of one year. */
export const commitmentSchema = z.object({
  id: z.string(),
  year: z.number().check(z.int()),
  owner: userSchema,
  status: commitmentStatusSchema,
  items: z.array(commitmentItemSchema),
  /** Mean latestPercent of the items, 0–100. */
  completion: z.number().check(z.gte(0), z.lte(100)),
  reviewComment: z.optional(z.string()),
  submittedAt: z.optional(isoDateTime),
  reviewedAt: z.optional(isoDateTime),
  /** Extension: when the sheet last changed, so a client can tell whether its local draft is newer. */
  updatedAt: isoDateTime,
})
export type Commitment = z.infer<typeof commitmentSchema>

/** A page of sheets (organisers' review list). */
export const commitmentPageSchema = pageOf(commitmentSchema)

// ——— Requests ———

/** A year in a path or query: 2000–2100. */
export const yearSchema = z
  .number({ error: '年份应为整数' })
  .check(z.int({ error: '年份应为整数' }), z.gte(2000, { error: '年份应在 2000–2100 之间' }), z.lte(2100, { error: '年份应在 2000–2100 之间' }))

/** A metric as sent: unit 1–10 chars, a positive target value. */
export const metricBodySchema = z.strictObject({
  unit: text(1, 10),
  targetValue: z.number({ error: '目标值应为数字' }).check(z.gt(0, { error: '目标值应大于 0' }), z.lte(1e9, { error: '目标值过大' })),
})

/** One item as a draft sends it: every field optional, but each one sent must be valid. */
export const commitmentItemBodySchema = z.strictObject({
  id: z.optional(z.string().check(z.maxLength(64))),
  category: z.optional(commitmentCategorySchema),
  title: z.optional(text(2, 60)),
  target: z.optional(text(2, 200, { multiline: true })),
  metric: z.optional(metricBodySchema),
  dueQuarter: z.optional(quarterSchema),
})
export type CommitmentItemBody = z.input<typeof commitmentItemBodySchema>

/** Body of `PUT /me/commitments/:year`: the draft's items (≤ 10). */
export const saveCommitmentBodySchema = z.strictObject({
  items: z
    .array(commitmentItemBodySchema, { error: '事项应为列表' })
    .check(z.maxLength(COMMITMENT_ITEMS_MAX, { error: `最多 ${COMMITMENT_ITEMS_MAX} 项` })),
})
export type SaveCommitmentBody = z.input<typeof saveCommitmentBodySchema>

/**
 * What keeps a sheet from being submitted, as 400 `fields`: `items` for the count, `items.N.field`
 * for a missing field of item N (0-based). Empty when it may be submitted. Shared by client and mock.
 */
export function commitmentSubmitErrors(items: readonly Partial<Pick<CommitmentItem, 'category' | 'title' | 'target' | 'dueQuarter'>>[]): Record<string, string> {
  const errors: Record<string, string> = {}
  if (items.length < COMMITMENT_ITEMS_MIN) errors.items = `至少填写 ${COMMITMENT_ITEMS_MIN} 项承诺`
  if (items.length > COMMITMENT_ITEMS_MAX) errors.items = `最多 ${COMMITMENT_ITEMS_MAX} 项承诺`
  items.forEach((item, i) => {
    if (!item.category) errors[`items.${i}.category`] = '请选择类别'
    if (!item.title?.trim()) errors[`items.${i}.title`] = '请填写标题'
    if (!item.target?.trim()) errors[`items.${i}.target`] = '请填写可衡量的目标'
    if (!item.dueQuarter) errors[`items.${i}.dueQuarter`] = '请选择完成季度'
  })
  return errors
}

/** Body of `PUT /me/commitments/:year/items/:itemId/progress/:quarter`. */
export const progressBodySchema = z.strictObject({
  percent: z
    .number({ error: '完成度应为 0–100 的数字' })
    .check(z.gte(0, { error: '完成度应在 0–100 之间' }), z.lte(100, { error: '完成度应在 0–100 之间' })),
  value: z.optional(z.number({ error: '数值应为数字' }).check(z.gte(0, { error: '数值不能小于 0' }), z.lte(1e9, { error: '数值过大' }))),
  note: z.pipe(z.optional(text(0, 500, { multiline: true })), z.transform((v) => v ?? '')),
  photos: z.pipe(
    z.optional(z.array(uploadUrlSchema).check(z.maxLength(PHOTOS_MAX, { error: `最多 ${PHOTOS_MAX} 张照片` }))),
    z.transform((v) => v ?? []),
  ),
})
export type ProgressBody = z.input<typeof progressBodySchema>

/** Query of `GET /commitments` (organisers). Year defaults to the current year in China time. */
export const commitmentListQuerySchema = z.strictObject({
  year: z.optional(z.pipe(z.pipe(z.string().check(z.regex(/^\d{4}$/, { error: '年份应为 4 位数字' })), z.transform(Number)), yearSchema)),
  status: z.optional(commitmentStatusSchema),
  town: z.optional(text(1, 20)),
  ...pageQueryShape,
})
export type CommitmentListQuery = z.input<typeof commitmentListQuerySchema>

/** Body of `POST /commitments/:id/review`: approve, or return with a non-empty comment. */
export const reviewBodySchema = z
  .strictObject({
    decision: z.enum(['approve', 'return'], { error: '请选择通过或退回' }),
    comment: z.optional(text(0, 500, { multiline: true })),
  })
  .check(
    z.superRefine((body, ctx) => {
      if (body.decision === 'return' && !body.comment) {
        ctx.addIssue({ code: 'custom', path: ['comment'], message: '退回时请写明原因' })
      }
    }),
  )
export type ReviewBody = z.input<typeof reviewBodySchema>

/** Percent of an item's latest reported quarter (the highest quarter reported), 0 before any report. */
export function latestPercentOf(progress: readonly Pick<ProgressEntry, 'quarter' | 'percent'>[]): number {
  let latest: Pick<ProgressEntry, 'quarter' | 'percent'> | undefined
  for (const entry of progress) if (!latest || entry.quarter > latest.quarter) latest = entry
  return latest?.percent ?? 0
}

/** A sheet's completion: the mean latestPercent of its items (one decimal), 0 for a sheet without items. */
export function completionOf(items: readonly { latestPercent: number }[]): number {
  if (items.length === 0) return 0
  return Math.round((items.reduce((sum, item) => sum + item.latestPercent, 0) / items.length) * 10) / 10
}
