/**
 * The page the H5 app was opened on, from the hash route (`#/pages/home/index?x=1` → `pages/home/index`). An empty
 * hash opens the first page of app.config.ts, 首页.
 */
export function launchPath(): string {
  const route = window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? ''
  return route || 'pages/home/index'
}
