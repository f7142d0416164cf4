/*
 * Accessibility props for Taro's components, one mechanism for every screen. On H5 Taro renders its
 * components as custom elements (`taro-view-core`, `taro-input-core` …) that the browser knows nothing
 * about: a tappable View is not reachable with Tab, and an Input's aria-label lands on the wrapper, not
 * on the native <input> a screen reader announces. On weapp these come to nothing (the checks are
 * compile-time constants), so the main package carries no extra code.
 */

type Key = { key?: string; preventDefault?: () => void; currentTarget?: unknown }

/** Enter or Space on a focused element taps it: a click that its own handler and any Picker around it see. */
function clickOnKey(e: Key) {
  if (e.key !== 'Enter' && e.key !== ' ') return
  e.preventDefault?.()
  ;(e.currentTarget as { click?: () => void } | null)?.click?.()
}

/**
 * A View that acts as a link, button, tab, checkbox …: its role and tap handler, and on H5 a place in
 * the Tab order and Enter / Space to activate it. Its accessible name is its visible text. Without
 * `onTap` (the face of a Picker, which handles the tap itself) the key press still reaches the Picker.
 */
export function tappable(role: string, onTap?: () => void) {
  if (process.env.TARO_ENV !== 'h5') return { role, onClick: onTap }
  return { role, onClick: onTap, tabindex: 0, onKeyDown: clickOnKey }
}

/** The name of a text field (Input, Textarea): on H5 on the native control itself, elsewhere on the component. */
export function fieldLabel(label: string) {
  return process.env.TARO_ENV === 'h5' ? { nativeProps: { 'aria-label': label } } : { 'aria-label': label }
}

/**
 * A scrolling box of its own (a VirtualList): on H5 a named region in the Tab order, so the keyboard
 * can scroll it even when its rows hold nothing to focus.
 */
export function scrollRegion(label: string) {
  return process.env.TARO_ENV === 'h5' ? { role: 'region', 'aria-label': label, tabindex: 0 } : {}
}
