// Default build for Jest and tsc; Taro picks capture-guard.h5.ts or capture-guard.weapp.ts per platform.
export { hidePaperFromCapture } from './capture-guard.h5'
