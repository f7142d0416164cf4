export default definePageConfig({ navigationBarTitleText: '出勤记录', enablePullDownRefresh: true })
