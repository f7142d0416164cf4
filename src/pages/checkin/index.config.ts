export default definePageConfig({ navigationBarTitleText: '支书通' })
