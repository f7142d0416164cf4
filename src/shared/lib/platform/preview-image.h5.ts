/**
 * H5: Taro's previewImage is built on the Swiper library (≈ 190 KB minified). Imported statically it lands in the
 * chunk every page shares, so 首页 would download it; loaded on the first tap it costs only the screens that show photos.
 */
export function previewImage(urls: string[], current: string): void {
  void import(/* webpackChunkName: "preview-image" */ './taro-preview-image').then((m) => m.taroPreviewImage(urls, current))
}
