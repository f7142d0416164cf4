// Default build of ask-reason for Jest and tsc; Taro picks ask-reason.h5.ts or ask-reason.weapp.ts per platform.
export { askReason } from './ask-reason.h5'
