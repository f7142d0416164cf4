/**
 * @jest-environment jsdom
 */
import Taro from '@tarojs/taro'
import { uploadFile } from '@/api/client'

/** What Taro.uploadFile returns: a promise of the answer that also takes a progress listener. */
function answer(result: Promise<{ statusCode: number; data: string }>, steps: number[] = []) {
  result.catch(() => undefined)
  return Object.assign(result, {
    onProgressUpdate: (listener: (update: { progress: number }) => void) => steps.forEach((progress) => listener({ progress })),
  }) as unknown as ReturnType<typeof Taro.uploadFile>
}

afterEach(() => {
  jest.restoreAllMocks()
})

describe('uploadFile', () => {
  it('should send the file as multipart field "file", report progress and give back the served URL', async () => {
    const url = 'http://127.0.0.1:9527/uploads/abcdefghijklmnop0001.webp'
    const spy = jest.spyOn(Taro, 'uploadFile').mockImplementation(() => answer(Promise.resolve({ statusCode: 201, data: JSON.stringify({ url }) }), [30, 100]))
    const progress: number[] = []
    await expect(uploadFile('blob:photo', (p) => progress.push(p))).resolves.toEqual({ url })
    expect(progress).toEqual([30, 100])
    expect(spy.mock.calls[0][0]).toEqual(expect.objectContaining({ filePath: 'blob:photo', name: 'file' }))
  })

  it('should call a bare 413 PAYLOAD_TOO_LARGE and say to use a smaller photo', async () => {
    jest.spyOn(Taro, 'uploadFile').mockImplementation(() => answer(Promise.resolve({ statusCode: 413, data: '<html>Too Large</html>' })))
    await expect(uploadFile('blob:big')).rejects.toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/压缩图片/) })
  })

  it('should map a refused file type to UNSUPPORTED_FILE', async () => {
    const body = JSON.stringify({ error: { code: 'UNSUPPORTED_FILE', message: '文件类型不支持' } })
    jest.spyOn(Taro, 'uploadFile').mockImplementation(() => answer(Promise.resolve({ statusCode: 400, data: body })))
    await expect(uploadFile('blob:text')).rejects.toMatchObject({ status: 400, code: 'UNSUPPORTED_FILE' })
  })

  it('should report a lost connection as a retriable network error', async () => {
    jest.spyOn(Taro, 'uploadFile').mockImplementation(() => answer(Promise.reject({ errMsg: 'uploadFile:fail' })))
    await expect(uploadFile('blob:photo')).rejects.toMatchObject({ kind: 'network', retriable: true })
  })

  it('should refuse an answer whose URL is not one of ours', async () => {
    jest.spyOn(Taro, 'uploadFile').mockImplementation(() => answer(Promise.resolve({ statusCode: 201, data: JSON.stringify({ url: 'http://evil.test/x.jpg' }) })))
    await expect(uploadFile('blob:photo')).rejects.toMatchObject({ kind: 'parse' })
  })
})
