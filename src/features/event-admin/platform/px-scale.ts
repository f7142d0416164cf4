// Default build of px-scale for Jest and tsc; Taro picks px-scale.h5.ts or px-scale.weapp.ts per platform.
export { pxScale } from './px-scale.h5'
