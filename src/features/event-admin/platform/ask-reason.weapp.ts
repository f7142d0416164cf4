import Taro from '@tarojs/taro'

// wx.showModal takes `editable` and `placeholderText` and answers `content` (base library 2.17.1+);
// Taro passes them through but its types do not list them yet.
type EditableModal = (option: Taro.showModal.Option & { editable: boolean; placeholderText: string }) => Promise<
  Taro.showModal.SuccessCallbackResult & { content?: string }
>

/** weapp asks for a reason in WeChat's own dialog with a text field; null when the user backs out. */
export const askReason: ((title: string, placeholder: string) => Promise<string | null>) | null = async (title, placeholder) => {
  const showModal = Taro.showModal as unknown as EditableModal
  const answer = await showModal({ title, editable: true, placeholderText: placeholder, confirmText: '确定', cancelText: '返回' })
  return answer.confirm ? (answer.content ?? '') : null
}
