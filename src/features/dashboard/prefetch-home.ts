import type { Role } from '@/api/contract/auth'
import { prefetch, prefetched } from '@/shared/lib/prefetch'
import { countSubmittedCommitments, getMyCommitment } from '@/api/commitments'
import { getEquinox } from '@/api/theme-months'
import { getMyUpcomingEvents, getUpcomingEvents } from '@/api/events'
import { chinaDay } from '@/api/contract/time'
import { themeBannerYear } from './lib/dashboard'

/** One 首页 load: `start` asks at launch, `get` takes that answer (once, while fresh) or asks anew. */
function homeLoad<A extends Array<string | number>, T>(name: string, load: (...args: A) => Promise<T>) {
  const key = (args: A) => ['home', name, ...args].join(':')
  return {
    get: (...args: A) => prefetched(key(args), () => load(...args)),
    start: (...args: A) => prefetch(key(args), () => load(...args)),
  }
}

/** What the 首页 cards load. */
export const homeLoads = {
  myEvents: homeLoad('my-events', () => getMyUpcomingEvents().then((p) => p.items)),
  myCommitment: homeLoad('commitment', (year: number) => getMyCommitment(year)),
  equinox: homeLoad('equinox', (year: number) => getEquinox(year)),
  events: homeLoad('events', () => getUpcomingEvents().then((p) => p.items)),
  waiting: homeLoad('waiting', (year: number) => countSubmittedCommitments(year)),
}

/**
 * Asks for what 首页 will show a signed-in user of `role`, while 首页's own code is still on its way: its answers
 * then arrive with the page instead of a round trip after it.
 */
export function prefetchHome(role: Role, now: number = Date.now()): void {
  const year = chinaDay(now).y
  if (role === 'organiser') {
    homeLoads.events.start()
    homeLoads.waiting.start(year)
    return
  }
  homeLoads.myEvents.start()
  homeLoads.myCommitment.start(year)
  const bannerYear = themeBannerYear(now)
  if (bannerYear) homeLoads.equinox.start(bannerYear)
}
