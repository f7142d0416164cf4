export default definePageConfig({ navigationBarTitleText: '发布活动' })
