import type { Commitment, CommitmentCategory, CommitmentItemBody } from '@/api/contract/commitment'
import { commitmentSubmitErrors } from '@/api/contract/commitment'
import { createId } from '@/shared/lib/id'

/** One item as the editor holds it: text fields as typed, ids from the server once saved. */
export type DraftItem = {
  /** Stable key on the phone (React key, error mapping). */
  key: string
  /** The server's id, once saved. */
  id?: string
  category?: CommitmentCategory
  title: string
  target: string
  metricUnit: string
  metricTarget: string
  dueQuarter?: number
}

/** The problems of each item by field, plus sheet-wide ones under `sheet`. */
export type DraftErrors = { sheet?: string; items: Record<number, Partial<Record<'category' | 'title' | 'target' | 'metric' | 'dueQuarter', string>>> }

/** An empty item for 添加承诺事项. */
export function createDraftItem(overrides: Partial<DraftItem> = {}): DraftItem {
  return { key: createId(), title: '', target: '', metricUnit: '', metricTarget: '', ...overrides }
}

/** The editor's items of a server sheet. */
export function draftItemsOf(commitment: Commitment): DraftItem[] {
  return commitment.items.map((item) =>
    createDraftItem({
      id: item.id,
      category: item.category,
      title: item.title ?? '',
      target: item.target ?? '',
      metricUnit: item.metric?.unit ?? '',
      metricTarget: item.metric ? String(item.metric.targetValue) : '',
      dueQuarter: item.dueQuarter,
    }),
  )
}

/** The PUT body of the editor's items: empty fields left out, so an unfinished draft still saves. */
export function saveBodyOf(items: DraftItem[]): { items: CommitmentItemBody[] } {
  return {
    items: items.map((item) => {
      const body: CommitmentItemBody = {}
      if (item.id) body.id = item.id
      if (item.category) body.category = item.category
      if (item.title.trim()) body.title = item.title.trim()
      if (item.target.trim()) body.target = item.target.trim()
      const unit = item.metricUnit.trim()
      const targetValue = Number(item.metricTarget)
      if (unit && item.metricTarget.trim() && Number.isFinite(targetValue)) body.metric = { unit, targetValue }
      if (item.dueQuarter) body.dueQuarter = item.dueQuarter
      return body
    }),
  }
}

/** Whether two item lists say the same (ignoring phone-only keys). */
export function sameItems(a: DraftItem[], b: DraftItem[]): boolean {
  return JSON.stringify(saveBodyOf(a).items.map(({ id: _id, ...rest }) => rest)) === JSON.stringify(saveBodyOf(b).items.map(({ id: _id, ...rest }) => rest))
}

/** What is wrong with a half-filled metric (both or neither of unit and target value). */
function metricError(item: DraftItem): string | undefined {
  const unit = item.metricUnit.trim()
  const value = item.metricTarget.trim()
  if (!unit && !value) return undefined
  if (!unit) return '请填写指标单位，或把目标值也清空'
  if ([...unit].length > 10) return '单位最多 10 个字'
  const n = Number(value)
  if (!value || !Number.isFinite(n) || n <= 0) return '目标值应为大于 0 的数字'
  return undefined
}

/** Errors that would make even 保存草稿 fail (fields sent must be valid). */
export function saveErrors(items: DraftItem[]): DraftErrors {
  const errors: DraftErrors = { items: {} }
  items.forEach((item, i) => {
    const own: DraftErrors['items'][number] = {}
    const title = [...item.title.trim()].length
    if (title === 1 || title > 60) own.title = '标题应为 2–60 个字'
    const target = [...item.target.trim()].length
    if (target === 1 || target > 200) own.target = '目标应为 2–200 个字'
    const metric = metricError(item)
    if (metric) own.metric = metric
    if (Object.keys(own).length) errors.items[i] = own
  })
  return errors
}

/** Everything that keeps the sheet from 提交: save errors plus the contract's completeness rules. */
export function submitErrors(items: DraftItem[]): DraftErrors {
  const errors = saveErrors(items)
  const missing = commitmentSubmitErrors(
    items.map((item) => ({ category: item.category, title: item.title, target: item.target, dueQuarter: item.dueQuarter })),
  )
  return mergeFieldErrors(errors, missing)
}

/** Puts a 400 answer's `fields` (`items`, `items.N.field`) onto the items, keeping what is already there. */
export function mergeFieldErrors(errors: DraftErrors, fields: Record<string, string>): DraftErrors {
  const next: DraftErrors = { sheet: errors.sheet, items: { ...errors.items } }
  for (const [path, message] of Object.entries(fields)) {
    const match = /^items\.(\d+)\.(\w+)/.exec(path)
    if (!match) {
      next.sheet ??= message
      continue
    }
    const index = Number(match[1])
    const field = (['category', 'title', 'target', 'dueQuarter'].includes(match[2]) ? match[2] : 'metric') as keyof DraftErrors['items'][number]
    next.items[index] = { ...next.items[index], [field]: next.items[index]?.[field] ?? message }
  }
  return next
}

/** Whether there is anything to show. */
export function hasErrors(errors: DraftErrors): boolean {
  return Boolean(errors.sheet) || Object.keys(errors.items).length > 0
}

/** One line per incomplete item: `第 2 项：请选择类别、请填写标题`. */
export function errorSummary(errors: DraftErrors): string[] {
  const lines = errors.sheet ? [errors.sheet] : []
  for (const [index, fields] of Object.entries(errors.items)) {
    lines.push(`第 ${Number(index) + 1} 项：${Object.values(fields).join('、')}`)
  }
  return lines
}

/** Moves the item at `index` one place up (-1) or down (+1). */
export function moveItem<T>(items: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta
  if (to < 0 || to >= items.length) return items
  const next = [...items]
  ;[next[index], next[to]] = [next[to], next[index]]
  return next
}
