export default definePageConfig({ navigationBarTitleText: '履职承诺' })
