import type { User } from '@/api/contract/auth'
import { createHonourBodySchema, HONOUR_TYPE_LABELS, honourAmountErrors, INNOVATION_AWARD_AMOUNT_YUAN, type CreateHonourBody, type HonourType } from '@/api/contract/honour'

/** What the organiser has typed into 发布荣誉 so far. */
export type HonourDraft = {
  year: number
  type: HonourType
  title: string
  recipient: User | null
  citation: string
  /** Yuan, as typed (only for types other than 岗位创新奖, whose amount is fixed). */
  amount: string
}

/** A blank form for `year`: 岗位创新奖, titled after its type. */
export function blankDraft(year: number): HonourDraft {
  return { year, type: 'innovation', title: HONOUR_TYPE_LABELS.innovation, recipient: null, citation: '', amount: '' }
}


/** The body a draft would send, or the message of each field that keeps it from being sent. */
export function checkHonourDraft(draft: HonourDraft): { body: CreateHonourBody; errors: Record<string, string> } {
  const typed = draft.amount.trim()
  const amount = draft.type === 'innovation' ? INNOVATION_AWARD_AMOUNT_YUAN : typed === '' ? undefined : Number(typed)
  const body: CreateHonourBody = {
    year: draft.year,
    type: draft.type,
    title: draft.title,
    recipientId: draft.recipient?.id ?? '',
    citation: draft.citation,
    ...(amount === undefined ? {} : { amount }),
  }
  const errors: Record<string, string> = {}
  const parsed = createHonourBodySchema.safeParse(body)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form')
      errors[field] ??= issue.message
    }
  }
  if (typed !== '' && draft.type !== 'innovation' && !Number.isFinite(Number(typed))) errors.amount = '奖金应为数字'
  Object.assign(errors, honourAmountErrors({ type: draft.type, amount }))
  return { body, errors }
}

/** Characters of a text as the server counts them (code points, trimmed). */
export function textLength(value: string): number {
  return Array.from(value.trim()).length
}
