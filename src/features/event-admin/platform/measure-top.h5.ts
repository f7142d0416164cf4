/** H5: how far below the top of the window the element with `id` starts, in real px (null when not laid out). */
export function measureTop(id: string): Promise<number | null> {
  const element = typeof document === 'undefined' ? null : document.getElementById(id)
  const rect = element?.getBoundingClientRect()
  // An all-zero box means no layout (hidden, or no layout engine at all as in jsdom).
  return Promise.resolve(rect && (rect.top !== 0 || rect.height !== 0) ? rect.top : null)
}
