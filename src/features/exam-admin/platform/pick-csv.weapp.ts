import Taro from '@tarojs/taro'

const errMsg = (failure: unknown) => (failure && typeof failure === 'object' && 'errMsg' in failure ? String(failure.errMsg) : String(failure))

/**
 * weapp: picks a .csv from a WeChat chat (chooseMessageFile) and reads it as UTF-8 text; null when the
 * user backs out.
 */
export async function pickCsvText(): Promise<string | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] })
  } catch (failure) {
    if (/cancel/i.test(errMsg(failure))) return null
    throw new Error('无法选择文件，请在手机微信中重试。')
  }
  const file = picked.tempFiles[0]
  if (!file) return null
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'utf8',
      success: (result) => resolve(typeof result.data === 'string' ? result.data : ''),
      fail: () => reject(new Error('读取文件失败，请换一个文件再试。')),
    })
  })
}
