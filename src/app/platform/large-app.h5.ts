import './large-app.css'

/** H5: the tab bar, toasts and modals live outside every page root, so <html> carries 大字模式 for them. */
export function applyAppScale(large: boolean): void {
  document.documentElement.classList.toggle('zs-large-app', large)
}
