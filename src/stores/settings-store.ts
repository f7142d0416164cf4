import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '@/shared/lib/storage'
import { systemPrefersLargeText } from '@/shared/lib/platform/system-font'

/** How much 大字模式 enlarges text and tap targets (ui.css `--zs-scale` uses the same number). */
export const LARGE_TEXT_SCALE = 1.4

type SettingsState = {
  /** 大字模式: on, off, or null = follow the system (WeChat's font size on weapp; off on H5). */
  largeText: boolean | null
}
type SettingsActions = {
  /** Turns 大字模式 on or off, or (null) hands it back to the system setting. */
  setLargeText: (largeText: boolean | null) => void
}

/** App-wide display settings, kept on the device (not per account: the phone belongs to one person). */
export const useSettingsStore = create<SettingsState & SettingsActions>()(
  persist(
    (set) => ({
      largeText: null,
      setLargeText: (largeText) => set({ largeText }),
    }),
    {
      name: 'zst-settings',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: ({ largeText }) => ({ largeText }),
      // Storage is user-editable: anything but true/false/null means "follow the system".
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<SettingsState>
        const valid = p.largeText === true || p.largeText === false || p.largeText === null
        return valid ? { ...current, largeText: p.largeText as boolean | null } : current
      },
    },
  ),
)

/** Whether 大字模式 is in effect: the user's choice, else the system's. */
export function resolveLargeText(largeText: boolean | null): boolean {
  return largeText ?? systemPrefersLargeText()
}

/** Whether 大字模式 is in effect now; re-renders when the setting changes. */
export function useLargeText(): boolean {
  return resolveLargeText(useSettingsStore((s) => s.largeText))
}

/** The factor fixed sizes computed in code (virtual list rows) multiply by: 1 or LARGE_TEXT_SCALE. */
export function useTextScale(): number {
  return useLargeText() ? LARGE_TEXT_SCALE : 1
}
