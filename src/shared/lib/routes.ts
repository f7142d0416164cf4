/** Every page of the app by name; app.config.ts lists the same paths (a unit test keeps them in step). */
export const ROUTES = {
  home: '/pages/home/index',
  events: '/pages/events/index',
  commitments: '/pages/commitments/index',
  honours: '/pages/honours/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  eventDetail: '/pages/event-detail/index',
  myRegistrations: '/pages/my-registrations/index',
  checkin: '/packages/secretary/pages/checkin/index',
  attendance: '/packages/secretary/pages/attendance/index',
  organiserEvents: '/packages/organiser/pages/events/index',
  organiserEventForm: '/packages/organiser/pages/event-form/index',
  organiserRoster: '/packages/organiser/pages/roster/index',
  organiserCheckinCode: '/packages/organiser/pages/checkin-code/index',
  progress: '/packages/secretary/pages/progress/index',
  myScores: '/packages/secretary/pages/scores/index',
  myHonours: '/packages/secretary/pages/my-honours/index',
  organiserCommitments: '/packages/organiser/pages/commitments/index',
  organiserCommitmentDetail: '/packages/organiser/pages/commitment-detail/index',
  organiserQuarterScores: '/packages/organiser/pages/quarter-scores/index',
  organiserAssessment: '/packages/organiser/pages/assessment/index',
  organiserHonourForm: '/packages/organiser/pages/honour-form/index',
  honourDetail: '/packages/common/pages/honour-detail/index',
  notifications: '/packages/common/pages/notifications/index',
  settings: '/packages/common/pages/settings/index',
  exams: '/packages/secretary/pages/exams/index',
  examPaper: '/packages/secretary/pages/exam-paper/index',
  attemptResult: '/packages/secretary/pages/attempt-result/index',
  organiserExamResults: '/packages/organiser/pages/exam-results/index',
  organiserQuestions: '/packages/organiser/pages/questions/index',
  organiserQuestionForm: '/packages/organiser/pages/question-form/index',
} as const

/** The tab pages: reached with switchTab, which takes no query string. */
export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.events, ROUTES.commitments, ROUTES.honours, ROUTES.me]

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length ? `${path}?${parts.join('&')}` : path
}

/** Whether a URL (with or without query) is a tab page. */
export function isTabRoute(url: string): boolean {
  return TAB_ROUTES.includes(url.split('?')[0])
}

/**
 * Checks a `redirect` URL parameter before following it: only this app's own pages, never another
 * site or scheme, never the login page itself. Anything else falls back to 首页.
 */
export function safeRedirect(value: string | undefined | null): string {
  if (!value) return ROUTES.home
  let url = value
  try {
    url = decodeURIComponent(value)
  } catch {
    return ROUTES.home
  }
  const path = url.split('?')[0]
  const known = Object.values(ROUTES) as string[]
  if (!known.includes(path) || path === ROUTES.login) return ROUTES.home
  return url
}
