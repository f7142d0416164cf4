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
  subPackages: [
    // 签到 and 出勤记录: kept out of the main package (its budget is 600 KB), preloaded below.
    {
      root: 'packages/secretary',
      pages: [
        'pages/checkin/index',
        'pages/attendance/index',
        'pages/progress/index',
        'pages/scores/index',
        'pages/my-honours/index',
        // 选拔任用: the exams, taking one, and a result.
        'pages/exams/index',
        'pages/exam-paper/index',
        'pages/attempt-result/index',
      ],
    },
    // Screens of both roles that the tabs link to: honour detail, 消息, 设置.
    { root: 'packages/common', pages: ['pages/honour-detail/index', 'pages/notifications/index', 'pages/settings/index'] },
    {
      root: 'packages/organiser',
      pages: [
        'pages/events/index',
        'pages/event-form/index',
        'pages/roster/index',
        'pages/checkin-code/index',
        'pages/commitments/index',
        'pages/commitment-detail/index',
        'pages/quarter-scores/index',
        'pages/assessment/index',
        'pages/honour-form/index',
        // 选拔任用: results and retakes, the question bank.
        'pages/exam-results/index',
        'pages/questions/index',
        'pages/question-form/index',
      ],
    },
  ],
  // Fetch 签到 while the secretary reads the event, so a weak signal at the venue costs no extra wait.
  preloadRule: {
    'pages/event-detail/index': { network: 'all', packages: ['packages/secretary'] },
    'pages/me/index': { network: 'all', packages: ['packages/secretary'] },
  },
  lazyCodeLoading: 'requiredComponents',
  // 签到 sends the position when allowed; the organisers' event form picks venues on a map.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '签到时确认您在活动现场附近' } },
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
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tab/events.png', selectedIconPath: 'assets/tab/events-active.png' },
      { pagePath: 'pages/commitments/index', text: '承诺', iconPath: 'assets/tab/commitments.png', selectedIconPath: 'assets/tab/commitments-active.png' },
      { pagePath: 'pages/honours/index', text: '荣誉', iconPath: 'assets/tab/honours.png', selectedIconPath: 'assets/tab/honours-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
})
