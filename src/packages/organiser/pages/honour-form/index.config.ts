export default definePageConfig({ navigationBarTitleText: '发布荣誉' })
