import { z } from 'zod/mini'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { ApiError } from '@/api/api-error'
import type { Commitment, ProgressBody } from '@/api/contract/commitment'
import { createId } from '@/shared/lib/id'
import { taroStorage } from '@/shared/lib/storage'
import { reportProgress } from '@/api/commitments'

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
  /** Unconfirmed reports with the key their retries reuse; kept in memory only. */
  pending: Record<string, { key: string; body: string }>
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
    (set, get) => ({
      drafts: {},
      pending: {},
      edit: (key, patch) =>
        set((s) => {
          const { [key]: old, ...rest } = s.drafts
          const drafts = { ...rest, [key]: { ...(old ?? EMPTY), ...patch, updatedAt: Date.now() } }
          const entries = Object.entries(drafts)
          return { drafts: entries.length > MAX_DRAFTS ? Object.fromEntries(entries.slice(-MAX_DRAFTS)) : drafts }
        }),
      send: async (key, year, itemId, quarter, body) => {
        const text = JSON.stringify(body)
        const previous = get().pending[key]
        const idempotencyKey = previous && previous.body === text ? previous.key : createId()
        set((s) => ({ pending: { ...s.pending, [key]: { key: idempotencyKey, body: text } } }))
        try {
          const answer = await reportProgress(year, itemId, quarter, body, idempotencyKey)
          set((s) => ({ drafts: without(s.drafts, key), pending: without(s.pending, key) }))
          return answer
        } catch (error) {
          // Keep the key only when the request may have reached the server: the retry must not act twice.
          if (!(error instanceof ApiError && error.retriable)) set((s) => ({ pending: without(s.pending, key) }))
          throw error
        }
      },
    }),
    {
      name: 'zst-progress',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ drafts }) => ({ drafts }),
      merge: (persisted, current) => {
        const parsed = storedSchema.safeParse(persisted ?? {})
        return parsed.success ? { ...current, drafts: parsed.data.drafts } : current
      },
    },
  ),
)

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record
  return rest
}
