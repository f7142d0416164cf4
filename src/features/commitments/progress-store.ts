import { z } from 'zod/mini'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Commitment, ProgressBody } from '@/api/contract/commitment'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { keepLatest, omit } from '@/shared/lib/records'
import { reportProgress } from '@/api/commitments'
import { persistDrafts } from '@/shared/lib/persist-drafts'

/** A progress report being written: kept on the phone until it is sent. */
export type ProgressDraft = {
  percent: string
  value: string
  note: string
  /** URLs of photos already uploaded. */
  photos: string[]
  updatedAt: number
}

type ProgressState = {
  /** Reports by `userId:year:itemId:quarter`. */
  drafts: Record<string, ProgressDraft>
}

type ProgressActions = {
  /** Changes a report being written. */
  edit: (key: string, patch: Partial<Omit<ProgressDraft, 'updatedAt'>>) => void
  /** Sends a report; the draft is dropped once the server has it, kept (with its key) when it fails. */
  send: (key: string, year: number, itemId: string, quarter: number, body: ProgressBody) => Promise<Commitment>
}

/** The key of a user's progress report of an item and quarter. */
export function progressKey(userId: string, year: number, itemId: string, quarter: number): string {
  return `${userId}:${year}:${itemId}:${quarter}`
}

const EMPTY: ProgressDraft = { percent: '', value: '', note: '', photos: [], updatedAt: 0 }

/** The draft of a key, or an empty one. */
export function progressDraftOf(drafts: Record<string, ProgressDraft>, key: string): ProgressDraft {
  return drafts[key] ?? EMPTY
}

// Reports kept on the phone; the oldest beyond this are dropped.
const MAX_DRAFTS = 40

// Storage is user-editable: what does not look like a report is dropped, never a crash.
const storedSchema = z.object({
  drafts: z.catch(
    z.record(z.string(), z.object({ percent: z.string(), value: z.string(), note: z.string(), photos: z.array(z.string()).check(z.maxLength(9)), updatedAt: z.number() })),
    {},
  ),
})

/** The secretary's 进展 reports as written on this phone, until the server has them. */
export const useProgressStore = create<ProgressState & ProgressActions>()(
  persist(
    (set) => ({
      drafts: {},
      edit: (key, patch) =>
        set((s) => {
          const old = s.drafts[key] ?? EMPTY
          return { drafts: keepLatest({ ...omit(s.drafts, key), [key]: { ...old, ...patch, updatedAt: Date.now() } }, MAX_DRAFTS) }
        }),
      send: async (key, year, itemId, quarter, body) => {
        const answer = await sendKeyed(`progress:${key}`, body, (idempotencyKey) => reportProgress(year, itemId, quarter, body, idempotencyKey))
        set((s) => ({ drafts: omit(s.drafts, key) }))
        return answer
      },
    }),
    persistDrafts('zst-progress', storedSchema),
  ),
)
