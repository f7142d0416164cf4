// Default build of large-app for Jest and tsc; Taro picks large-app.h5.ts or large-app.weapp.ts per platform.
export { applyAppScale } from './large-app.h5'
