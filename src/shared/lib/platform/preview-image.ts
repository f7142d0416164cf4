// Default build of preview-image for Jest and tsc; Taro picks preview-image.h5.ts or preview-image.weapp.ts per platform.
export { previewImage } from './preview-image.weapp'
