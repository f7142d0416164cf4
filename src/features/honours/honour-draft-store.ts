import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { userSchema } from '@/api/contract/auth'
import { HONOUR_TYPE_LABELS, honourTypeSchema } from '@/api/contract/honour'
import { taroStorage } from '@/shared/lib/storage'
import { blankDraft, type HonourDraft } from './lib/honour-form'

type HonourDraftState = { draft: HonourDraft }
type HonourDraftActions = {
  /** Changes some fields; a new type replaces a title that was still the old type's name. */
  change: (patch: Partial<HonourDraft>) => void
  /** Starts a fresh form (after publishing). */
  reset: (year: number) => void
}

/** The 发布荣誉 draft, kept on the phone so that closing the app loses nothing. */
export const useHonourDraftStore = create<HonourDraftState & HonourDraftActions>()(
  persist(
    (set) => ({
      draft: blankDraft(new Date().getFullYear()),
      change: (patch) =>
        set(({ draft }) => {
          const next = { ...draft, ...patch }
          if (patch.type && patch.type !== draft.type && (draft.title.trim() === '' || draft.title === HONOUR_TYPE_LABELS[draft.type])) {
            next.title = HONOUR_TYPE_LABELS[patch.type]
          }
          return { draft: next }
        }),
      reset: (year) => set({ draft: blankDraft(year) }),
    }),
    {
      name: 'zst-honour-draft',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ draft }) => ({ draft }),
      // Storage is user-editable: keep only fields of the right shape.
      merge: (persisted, current) => {
        const d = ((persisted ?? {}) as { draft?: Partial<Record<keyof HonourDraft, unknown>> }).draft ?? {}
        const base = current.draft
        const recipient = userSchema.safeParse(d.recipient)
        return {
          ...current,
          draft: {
            year: typeof d.year === 'number' && Number.isInteger(d.year) ? d.year : base.year,
            type: honourTypeSchema.safeParse(d.type).data ?? base.type,
            title: typeof d.title === 'string' ? d.title : base.title,
            recipient: recipient.success ? recipient.data : null,
            citation: typeof d.citation === 'string' ? d.citation : base.citation,
            amount: typeof d.amount === 'string' ? d.amount : base.amount,
          },
        }
      },
    },
  ),
)
