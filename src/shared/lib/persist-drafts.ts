import type { ZodMiniType } from 'zod/mini'
import { createJSONStorage, type PersistOptions } from 'zustand/middleware'
import { taroStorage } from '@/shared/lib/storage'

/**
 * `persist` options of a store whose drafts survive a closed app: only `drafts` is stored, and what
 * is read back is checked by `schema` (storage is user-editable: a damaged entry is dropped, never a crash).
 */
export function persistDrafts<S extends { drafts: D }, D>(name: string, schema: ZodMiniType<{ drafts: D }>): PersistOptions<S, { drafts: D }> {
  return {
    name,
    version: 1,
    storage: createJSONStorage(() => taroStorage),
    partialize: ({ drafts }) => ({ drafts }),
    merge: (persisted, current) => {
      const parsed = schema.safeParse(persisted ?? {})
      return parsed.success ? { ...current, drafts: parsed.data.drafts } : current
    },
  }
}
