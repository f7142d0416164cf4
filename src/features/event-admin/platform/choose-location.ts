// Default build of choose-location for Jest and tsc; Taro picks choose-location.h5.ts or choose-location.weapp.ts per platform.
export { canChooseLocation, chooseLocation } from './choose-location.h5'
