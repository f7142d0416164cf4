import Taro from '@tarojs/taro'
import { ApiError, messageForCode } from './api-error'
import { apiUrl, authHeader, readTransferAnswer, transportError } from './client'
import { apiErrorBodySchema } from './contract/common'
import { uploadResultSchema, type UploadResult } from './contract/upload'

/**
 * Uploads a photo from the phone (a path from Taro.chooseImage) to `POST /uploads` as multipart field
 * `file`, reporting progress 0–100; resolves with the served `{url}`. Failures reject with ApiError
 * (400 UNSUPPORTED_FILE, 413 PAYLOAD_TOO_LARGE, network, timeout) like every other call.
 * Kept out of client.ts so that only the sub-package that uploads ships it.
 */
export function uploadFile(filePath: string, onProgress?: (percent: number) => void): Promise<UploadResult> {
  const task = Taro.uploadFile({ url: apiUrl('/uploads'), filePath, name: 'file', header: authHeader(), timeout: 60_000 })
  if (onProgress && task.onProgressUpdate) task.onProgressUpdate((update) => onProgress(update.progress))
  return task.then(
    (answer) => {
      const data = parseJson(answer.data)
      // 413 may come from a proxy without the API's error body.
      if (answer.statusCode === 413 && !apiErrorBodySchema.safeParse(data).success) {
        throw new ApiError({ kind: 'http', status: 413, code: 'PAYLOAD_TOO_LARGE', message: messageForCode('PAYLOAD_TOO_LARGE') })
      }
      return readTransferAnswer(answer.statusCode, data, uploadResultSchema)
    },
    (failure: unknown) => {
      throw transportError(failure)
    },
  )
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}
