import appConfig from '@/app.config'
import { ROUTES, TAB_ROUTES, isTabRoute, safeRedirect, withQuery } from '@/shared/lib/routes'

describe('routes', () => {
  it('should name exactly the pages app.config.ts declares, and its tab bar', () => {
    const config = appConfig as unknown as {
      pages: string[]
      subPackages: { root: string; pages: string[] }[]
      tabBar: { list: { pagePath: string }[] }
    }
    const declared = [...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))].map(
      (p) => `/${p}`,
    )
    expect([...declared].sort()).toEqual(Object.values(ROUTES).sort())
    expect(config.tabBar.list.map((t) => `/${t.pagePath}`)).toEqual(TAB_ROUTES)
  })

  it('should follow a redirect only to a page of this app', () => {
    expect(safeRedirect(encodeURIComponent('/pages/event-detail/index?id=evt-1'))).toBe('/pages/event-detail/index?id=evt-1')
    expect(safeRedirect('https://evil.example/pages/home/index')).toBe(ROUTES.home)
    expect(safeRedirect('/pages/login/index')).toBe(ROUTES.home)
    expect(safeRedirect('%E0%A4%A')).toBe(ROUTES.home)
    expect(safeRedirect(undefined)).toBe(ROUTES.home)
  })

  it('should build query strings and recognise tab pages', () => {
    expect(withQuery(ROUTES.eventDetail, { id: 'a b', empty: '' })).toBe('/pages/event-detail/index?id=a%20b')
    expect(isTabRoute('/pages/events/index?x=1')).toBe(true)
    expect(isTabRoute(ROUTES.eventDetail)).toBe(false)
  })
})
