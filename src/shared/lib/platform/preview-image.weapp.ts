// weapp: WeChat's own photo viewer costs the package nothing.
export { taroPreviewImage as previewImage } from './taro-preview-image'
