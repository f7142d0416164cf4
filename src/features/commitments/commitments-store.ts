import { z } from 'zod/mini'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { COMMITMENT_CATEGORIES, type Commitment } from '@/api/contract/commitment'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { keepLatest, omit } from '@/shared/lib/records'
import { saveMyCommitment, submitMyCommitment } from '@/api/commitments'
import { draftItemsOf, saveBodyOf, type DraftItem } from './lib/draft'
import { persistDrafts } from '@/shared/lib/persist-drafts'

/** The sheet as edited on this phone: every keystroke lands here and in storage. */
export type LocalDraft = {
  items: DraftItem[]
  /** When it was last edited on the phone (ms). */
  updatedAt: number
  /** Edited since it last matched the server. */
  dirty: boolean
}

type CommitmentsState = {
  /** Sheets by `userId:year`. */
  drafts: Record<string, LocalDraft>
}

type CommitmentsActions = {
  /** Replaces the items of a sheet being edited (every keystroke). */
  editDraft: (draftKey: string, items: DraftItem[]) => void
  /** Takes the server's sheet as the phone's (after load, 放弃, or a save). */
  adoptServer: (draftKey: string, commitment: Commitment) => void
  /** 保存草稿: PUT the items; on failure everything stays and a retry reuses the key. */
  save: (userId: string, year: number) => Promise<Commitment>
  /** 提交: saves first when the phone holds unsaved changes, then submits. */
  submit: (userId: string, year: number) => Promise<Commitment>
}

/** The key of a user's sheet of a year. */
export function draftKey(userId: string, year: number): string {
  return `${userId}:${year}`
}

// Storage is user-editable: what does not look like a draft is dropped, never a crash.
const draftItemStorageSchema = z.object({
  key: z.string(),
  id: z.optional(z.string()),
  category: z.optional(z.enum(COMMITMENT_CATEGORIES)),
  title: z.string(),
  target: z.string(),
  metricUnit: z.string(),
  metricTarget: z.string(),
  dueQuarter: z.optional(z.number().check(z.int(), z.gte(1), z.lte(4))),
})
const storedSchema = z.object({
  drafts: z.catch(
    z.record(z.string(), z.object({ items: z.array(draftItemStorageSchema).check(z.maxLength(20)), updatedAt: z.number(), dirty: z.boolean() })),
    {},
  ),
})

// Sheets kept on the phone; the oldest beyond this are dropped.
const MAX_DRAFTS = 10

/** The secretary's commitment sheets as written on this phone (progress reports: progress-store.ts). */
export const useCommitmentsStore = create<CommitmentsState & CommitmentsActions>()(
  persist(
    (set, get) => {
      const save: CommitmentsActions['save'] = (userId, year) => {
        const key = draftKey(userId, year)
        const draft = get().drafts[key]
        const body = saveBodyOf(draft ? draft.items : [])
        const startedAt = draft && draft.updatedAt
        return sendKeyed(`commitment-save:${key}`, body, (idempotencyKey) => saveMyCommitment(year, body, idempotencyKey)).then((saved) => {
          const now = get().drafts[key]
          if (!now || now.updatedAt === startedAt) get().adoptServer(key, saved)
          else {
            // Typed on while saving: keep the newer text, but remember the ids the server gave.
            const items = now.items.map((item, i) => (item.id || !saved.items[i] ? item : Object.assign({}, item, { id: saved.items[i].id })))
            set((s) => ({ drafts: Object.assign({}, s.drafts, { [key]: Object.assign({}, now, { items }) }) }))
          }
          return saved
        })
      }

      return {
        drafts: {},
        editDraft: (key, items) => set((s) => ({ drafts: keepLatest({ ...omit(s.drafts, key), [key]: { items, updatedAt: Date.now(), dirty: true } }, MAX_DRAFTS) })),
        adoptServer: (key, commitment) =>
          set((s) => {
            const old = s.drafts[key]?.items ?? []
            // Keep the phone's keys where the item is the same, so open fields do not jump.
            const items = draftItemsOf(commitment).map((item, i) => (old[i] && (!old[i].id || old[i].id === item.id) ? { ...item, key: old[i].key } : item))
            return { drafts: keepLatest({ ...omit(s.drafts, key), [key]: { items, updatedAt: Date.parse(commitment.updatedAt), dirty: false } }, MAX_DRAFTS) }
          }),
        save,
        submit: (userId, year) => {
          const key = draftKey(userId, year)
          const draft = get().drafts[key]
          const saved = draft && draft.dirty ? save(userId, year) : Promise.resolve(null)
          return saved
            .then(() => sendKeyed(`commitment-submit:${key}`, { year }, (idempotencyKey) => submitMyCommitment(year, idempotencyKey)))
            .then((submitted) => {
              get().adoptServer(key, submitted)
              return submitted
            })
        },
      }
    },
    persistDrafts('zst-commitments', storedSchema),
  ),
)
