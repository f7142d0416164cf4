/** weapp: the tab bar, toasts and modals are WeChat's own and follow its font setting; nothing to do. */
export function applyAppScale(_large: boolean): void {}
