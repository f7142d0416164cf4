/** H5: how far below the top of the window the element with `id` starts, in real px (null when not laid out). */
export function measureTop(id: string): Promise<number | null> {
  const element = typeof document === 'undefined' ? null : document.getElementById(id)
  return Promise.resolve(element ? element.getBoundingClientRect().top : null)
}
