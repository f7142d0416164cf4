import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import { downloadError, type CsvDownload } from '../csv-download'

const errMsg = (failure: unknown) => (failure && typeof failure === 'object' && 'errMsg' in failure ? String(failure.errMsg) : String(failure))

/**
 * weapp: downloads the CSV with the bearer token into the user data folder and offers it with
 * 发送给朋友 (shareFileMessage); where that is missing (PC WeChat) it opens the file instead.
 */
export async function saveCsvFile({ url, header, fileName }: CsvDownload): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH ?? ''}/${fileName}`
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url, header, filePath })
  } catch (failure) {
    throw new ApiError({ kind: /timeout|超时/i.test(errMsg(failure)) ? 'timeout' : 'network' })
  }
  if (result.statusCode !== 200) {
    let text = ''
    try {
      text = String(Taro.getFileSystemManager().readFileSync(filePath, 'utf8'))
    } catch {
      // No body to read: the status decides the message.
    }
    throw downloadError(result.statusCode, text)
  }
  try {
    await Taro.shareFileMessage({ filePath, fileName })
  } catch (failure) {
    if (/cancel/i.test(errMsg(failure))) return
    try {
      await Taro.openDocument({ filePath, showMenu: true })
    } catch {
      throw new ApiError({ kind: 'parse', message: '文件已下载，但这台设备不能直接打开或发送。请在手机微信中再点一次导出。' })
    }
  }
}
