// H5 (and Jest's jsdom): layout read from the DOM. weapp has its own file.

/** Real pixels per design pixel: design px become rem on a root font of 20 px at 375 wide. */
export function designScale(): number {
  const rootFont = parseFloat(getComputedStyle(document.documentElement).fontSize)
  return rootFont > 0 ? rootFont / 20 : 1
}

/** The window's size in px. */
export function windowSize(): { width: number; height: number } {
  return { width: window.innerWidth || 375, height: window.innerHeight || 667 }
}

/** Distance in px from the top of the window to the node with this id, or null when it is not there. */
export async function nodeTop(id: string): Promise<number | null> {
  const node = document.getElementById(id)
  return node ? node.getBoundingClientRect().top : null
}
