// No pull-down refresh: a stray swipe must not reload the paper mid-answer.
export default definePageConfig({ navigationBarTitleText: '答题', enablePullDownRefresh: false })
