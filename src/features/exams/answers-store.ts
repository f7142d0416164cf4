import { z } from 'zod/mini'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Attempt } from '@/api/contract/exam'
import { saveAnswers } from '@/api/exams'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { keepLatest, omit } from '@/shared/lib/records'
import { persistDrafts } from '@/shared/lib/persist-drafts'

/** Answers chosen on this phone that the server may not have yet, for one attempt. */
export type PendingAnswers = { answers: Record<string, string[]>; updatedAt: number }

type AnswersState = {
  /** By attempt id. Kept on the phone (a closed app or a dropped signal loses nothing). */
  drafts: Record<string, PendingAnswers>
}

type AnswersActions = {
  /** Records a choice on the phone at once; `flush` sends it. */
  choose: (attemptId: string, questionId: string, keys: string[]) => void
  /**
   * Sends what is pending for an attempt (PUT /attempts/:id/answers). What the server took is dropped
   * from the phone, unless it was changed again meanwhile; on failure everything stays for the next try.
   * Resolves with the server's attempt, or null when nothing was pending.
   */
  flush: (attemptId: string) => Promise<Attempt | null>
  /** Forgets an attempt's pending answers (it was scored: the server refuses them now). */
  drop: (attemptId: string) => void
}

// Attempts whose answers are kept; older ones are dropped (an attempt lasts at most 3 hours).
const MAX_ATTEMPTS = 10

const storedSchema = z.object({
  drafts: z.catch(
    z.record(
      z.string(),
      z.object({ answers: z.record(z.string(), z.array(z.string()).check(z.maxLength(6))), updatedAt: z.number() }),
    ),
    {},
  ),
})

// One send per attempt at a time: a choice made while one is on its way goes in the next.
const sending = new Map<string, Promise<Attempt | null>>()

export const useAnswersStore = create<AnswersState & AnswersActions>()(
  persist(
    (set, get) => ({
      drafts: {},
      choose: (attemptId, questionId, keys) =>
        set((s) => {
          const old = s.drafts[attemptId]?.answers ?? {}
          const entry = { answers: { ...old, [questionId]: keys }, updatedAt: Date.now() }
          return { drafts: keepLatest({ ...omit(s.drafts, attemptId), [attemptId]: entry }, MAX_ATTEMPTS) }
        }),
      flush: (attemptId) => {
        const running = sending.get(attemptId)
        if (running) return running.then(() => get().flush(attemptId))
        const pending = get().drafts[attemptId]?.answers
        if (!pending || Object.keys(pending).length === 0) return Promise.resolve(null)
        const sent = { ...pending }
        const answer = sendKeyed(`answers:${attemptId}`, sent, (key) => saveAnswers(attemptId, sent, key))
          .then((attempt) => {
            set((s) => {
              const now = s.drafts[attemptId]?.answers ?? {}
              const left = Object.fromEntries(Object.entries(now).filter(([id, keys]) => !(id in sent) || keys.join() !== sent[id].join()))
              return {
                drafts: Object.keys(left).length ? { ...s.drafts, [attemptId]: { answers: left, updatedAt: Date.now() } } : omit(s.drafts, attemptId),
              }
            })
            return attempt
          })
          .finally(() => sending.delete(attemptId))
        sending.set(attemptId, answer)
        return answer
      },
      drop: (attemptId) => set((s) => ({ drafts: omit(s.drafts, attemptId) })),
    }),
    persistDrafts('zst-exam-answers', storedSchema),
  ),
)

/** The pending answers of an attempt (undefined when none). */
export function pendingOf(drafts: Record<string, PendingAnswers>, attemptId: string): Record<string, string[]> | undefined {
  return drafts[attemptId]?.answers
}
