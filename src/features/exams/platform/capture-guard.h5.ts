/** On H5 a page cannot hide itself from screen capture: nothing to do. */
export function hidePaperFromCapture(): () => void {
  return () => undefined
}
