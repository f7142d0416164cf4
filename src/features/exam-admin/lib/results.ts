import type { Exam, ExamResults } from '@/api/contract/exam'
import { retakeBodySchema } from '@/api/contract/exam'

/** Exams for the picker: qualification exams before practice, each newest (latest opening) first. */
export function sortExams(exams: readonly Exam[]): Exam[] {
  const rank = (e: Exam) => (e.purpose === 'qualification' ? 0 : 1)
  return [...exams].sort((a, b) => rank(a) - rank(b) || Date.parse(b.opensAt) - Date.parse(a.opensAt))
}

/** A score to at most one decimal, without a trailing .0. */
export function formatScore(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/** A fraction 0–1 as a whole percent (`0.625` → `63%`). */
export function formatPercent(fraction: number): string {
  return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`
}

/** The width of a bar, `value` of `max`, as a CSS percentage (0 when max is 0). */
export function barWidth(value: number, max: number): string {
  if (!(max > 0) || !(value > 0)) return '0%'
  return `${Math.min(100, Math.round((value / max) * 1000) / 10)}%`
}

/** A bucket of the distribution in words: `60–69 分`, the last one `90–100 分`. */
export function bucketLabel(bucket: { from: number; to: number }): string {
  return `${bucket.from}–${bucket.to} 分`
}

/** The towns the results hold, in the order of `byTown` and then of the people. */
export function townsOf(results: ExamResults): string[] {
  const towns = [...results.byTown.map((t) => t.town), ...results.people.map((p) => p.user.town)]
  return Array.from(new Set(towns))
}

/** The reason of a retake checked as the server will (2–200 characters), or the Chinese message. */
export function checkRetakeReason(reason: string): { ok: true; reason: string } | { ok: false; error: string } {
  const parsed = retakeBodySchema.shape.reason.safeParse(reason)
  if (parsed.success) return { ok: true, reason: parsed.data }
  if (!reason.trim()) return { ok: false, error: '请填写补考原因（2–200 个字）' }
  return { ok: false, error: `补考原因${parsed.error.issues[0]?.message ?? '应为 2–200 个字'}` }
}
