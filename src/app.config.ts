// Pages, tab bar and sub-packages. Paths match src/shared/lib/routes.ts (test/unit/routes.test.ts checks).
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/events/index',
    'pages/commitments/index',
    'pages/honours/index',
    'pages/me/index',
    'pages/login/index',
    'pages/event-detail/index',
    'pages/my-registrations/index',
  ],
  // Organiser-only screens: secretaries never download them.
  subPackages: [{ root: 'packages/organiser', pages: ['pages/events/index'] }],
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarTitleText: '支书通',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4a4a4a',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/events/index', text: '活动' },
      { pagePath: 'pages/commitments/index', text: '承诺' },
      { pagePath: 'pages/honours/index', text: '荣誉' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
