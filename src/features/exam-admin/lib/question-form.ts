import type { ExamModule, Question, QuestionBody, QuestionKind } from '@/api/contract/exam'
import { EXAM_MODULES, questionBodySchema, questionRuleErrors } from '@/api/contract/exam'

export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type OptionKey = (typeof OPTION_KEYS)[number]

/** What the form holds while it is being filled in. */
export type QuestionFormValues = {
  module: ExamModule
  kind: QuestionKind
  stem: string
  /** Option texts in order; their keys are A, B, C… by position. */
  options: string[]
  answer: string[]
  explanation: string
  difficulty: number
}

/** Messages by field: module, kind, stem, options, `options.N`, answer, explanation, difficulty, and `form`. */
export type QuestionFormErrors = Record<string, string>

export const JUDGE_OPTIONS = ['正确', '错误']
export const DIFFICULTY_LABELS: Record<number, string> = { 1: '易', 2: '中', 3: '难' }

/** An empty new question: 单选, four blank options. */
export function emptyQuestionValues(): QuestionFormValues {
  return { module: EXAM_MODULES[0], kind: 'single', stem: '', options: ['', '', '', ''], answer: [], explanation: '', difficulty: 1 }
}

/** The form values of a question being edited. */
export function valuesFromQuestion(q: Question): QuestionFormValues {
  return {
    module: q.module,
    kind: q.kind,
    stem: q.stem,
    options: q.options.map((o) => o.text),
    answer: [...q.answer],
    explanation: q.explanation ?? '',
    difficulty: q.difficulty,
  }
}

/**
 * Changes the kind: 判断 fixes the options to A 正确 / B 错误 (keeping the answer only when it still
 * fits); leaving 判断 brings back `restore` (the options before) or four blanks. 单选 keeps one answer.
 */
export function withKind(values: QuestionFormValues, kind: QuestionKind, restore?: string[]): QuestionFormValues {
  if (kind === values.kind) return values
  if (kind === 'judge') {
    const answer = values.answer.filter((k) => k === 'A' || k === 'B').slice(0, 1)
    return { ...values, kind, options: [...JUDGE_OPTIONS], answer }
  }
  const options = values.kind === 'judge' ? (restore && restore.length >= 2 ? [...restore] : ['', '', '', '']) : values.options
  const keys = OPTION_KEYS.slice(0, options.length) as readonly string[]
  const kept = values.answer.filter((k) => keys.includes(k))
  return { ...values, kind, options, answer: kind === 'single' ? kept.slice(0, 1) : kept }
}

/** Removes option `index`: the ones after it move up a letter, and so do their answer keys. */
export function withoutOption(values: QuestionFormValues, index: number): QuestionFormValues {
  const removed = OPTION_KEYS[index]
  const answer = values.answer
    .filter((k) => k !== removed)
    .map((k) => {
      const at = OPTION_KEYS.indexOf(k as OptionKey)
      return at > index ? OPTION_KEYS[at - 1] : k
    })
  return { ...values, options: values.options.filter((_, i) => i !== index), answer }
}

/**
 * Taps an option key as the answer: 单选 and 判断 take the tapped key alone (tapping it again clears it),
 * 多选 toggles it.
 */
export function withAnswerToggled(values: QuestionFormValues, key: string): QuestionFormValues {
  const on = values.answer.includes(key)
  if (values.kind !== 'multiple') return { ...values, answer: on ? [] : [key] }
  return { ...values, answer: on ? values.answer.filter((k) => k !== key) : [...values.answer, key] }
}

/** The body the form would send, before it is checked (answer keys in option order). */
export function draftBody(values: QuestionFormValues): QuestionBody {
  const answer = OPTION_KEYS.filter((k) => values.answer.includes(k))
  // A duplicate tap never reaches here (the toggles keep keys unique), but keep what the form holds.
  const extra = values.answer.filter((k) => !(OPTION_KEYS as readonly string[]).includes(k))
  const body: QuestionBody = {
    module: values.module,
    kind: values.kind,
    stem: values.stem,
    options: values.options.map((text, i) => ({ key: OPTION_KEYS[i] ?? 'F', text })),
    answer: [...answer, ...extra] as QuestionBody['answer'],
    difficulty: values.difficulty,
  }
  if (values.explanation.trim()) body.explanation = values.explanation
  return body
}

/** The field a schema or server path names: `options.2.text` → `options.2`, `options` stays. */
export function fieldOfPath(path: readonly PropertyKey[] | string): string {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String)
  if (parts[0] === 'options' && parts[1] !== undefined && /^\d+$/.test(parts[1])) return `options.${parts[1]}`
  return parts[0] || 'form'
}

/**
 * Checks the form with questionBodySchema and questionRuleErrors, as the server will: the body to send
 * (trimmed), or one message per field.
 */
export function checkQuestion(values: QuestionFormValues): { ok: true; body: QuestionBody } | { ok: false; errors: QuestionFormErrors } {
  const draft = draftBody(values)
  const errors: QuestionFormErrors = {}
  const parsed = questionBodySchema.safeParse(draft)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path)
      if (!errors[field]) errors[field] = field === 'stem' ? `题干${issue.message}` : issue.message
    }
  }
  for (const [field, message] of Object.entries(questionRuleErrors(draft))) {
    if (!errors[field]) errors[field] = message
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: { form: '请检查填写的内容' } }
}

/** The server's `fields` of a 400, by form field. */
export function serverQuestionErrors(fields: Record<string, string>): QuestionFormErrors {
  const errors: QuestionFormErrors = {}
  for (const [path, message] of Object.entries(fields)) {
    const field = fieldOfPath(path)
    if (!errors[field]) errors[field] = message
  }
  return errors
}
