// Default build of measure-top for Jest and tsc; Taro picks measure-top.h5.ts or measure-top.weapp.ts per platform.
export { measureTop } from './measure-top.h5'
