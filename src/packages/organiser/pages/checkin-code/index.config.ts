export default definePageConfig({ navigationBarTitleText: '签到码', navigationBarBackgroundColor: '#a31117' })
