import type { Question } from '@/api/contract/exam'

// There is no GET /questions/:id: the 题库 list hands the tapped question to the form through here,
// and the form tells the list that the bank changed. A reloaded form page finds nothing and says so.

let opened: Question | null = null
let changed = false

/** Keeps the question the form is about to edit. */
export function handOverQuestion(question: Question): void {
  opened = question
}

/** The question handed over for `id`, or null (the page was reloaded or opened from a link). */
export function takeHandedQuestion(id: string): Question | null {
  return opened && opened.id === id ? opened : null
}

/** Notes that the bank changed (a save or delete), so the list reloads when it shows again. */
export function markBankChanged(): void {
  changed = true
}

/** True once after the bank changed. */
export function consumeBankChanged(): boolean {
  const was = changed
  changed = false
  return was
}
