import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import { getMyCommitment, reportProgress } from '@/api/commitments'
import { progressKey, useProgressStore } from '@/features/commitments/progress-store'
import { ProgressForm } from '@/features/commitments/components/progress-form'
import { createItem, createSheet, SECRETARY, type } from './commitments-fixtures'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/commitments')
const mockedGet = jest.mocked(getMyCommitment)
const mockedReport = jest.mocked(reportProgress)

const URL_1 = 'http://127.0.0.1:9527/uploads/abcdefghijklmnop0001.jpg'
const URL_2 = 'http://127.0.0.1:9527/uploads/abcdefghijklmnop0002.png'
const onDone = jest.fn()

/** What Taro.uploadFile returns: a promise of the answer that also takes a progress listener. */
function uploadTask(answer: Promise<{ statusCode: number; data: string }>, steps: number[] = [50, 100]) {
  answer.catch(() => undefined)
  return Object.assign(answer, {
    onProgressUpdate: (listener: (update: { progress: number }) => void) => steps.forEach((progress) => listener({ progress })),
  }) as unknown as ReturnType<typeof Taro.uploadFile>
}
const uploaded = (url: string) => uploadTask(Promise.resolve({ statusCode: 201, data: JSON.stringify({ url }) }))

async function renderForm(item = createItem()) {
  mockedGet.mockResolvedValue(createSheet({ status: 'approved', items: [item] }))
  render(<ProgressForm user={SECRETARY} year={2027} itemId={item.id} onDone={onDone} />)
  expect(await screen.findByText('提交进展')).toBeTruthy()
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  localStorage.clear()
  useProgressStore.setState({ drafts: {} })
  // 2027-05-10 10:00 in China: the second quarter.
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2027-05-10T10:00:00+08:00'))
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('ProgressForm (填报进展)', () => {
  it('should refuse a quarter that has not started and stay on the current one', async () => {
    await renderForm()
    expect(screen.getByText('第2季度').getAttribute('aria-selected')).toBe('true')
    expect(screen.getByText('第3季度').getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(screen.getByText('第3季度'))
    expect(await screen.findByText('第3季度尚未开始，暂不能填报。')).toBeTruthy()
    expect(screen.getByText('第2季度').getAttribute('aria-selected')).toBe('true')
    fireEvent.click(screen.getByText('第1季度'))
    expect(screen.getByText('第1季度').getAttribute('aria-selected')).toBe('true')
  })

  it('should count the note and refuse more than 500 characters', async () => {
    await renderForm()
    expect(screen.getByText('0/500')).toBeTruthy()
    await type('完成度', '60')
    await type('进展说明', '村'.repeat(501))
    expect(await screen.findByText('501/500')).toBeTruthy()
    fireEvent.click(screen.getByText('提交进展'))
    expect(await screen.findByText('说明最多 500 个字。')).toBeTruthy()
    expect(mockedReport).not.toHaveBeenCalled()
  })

  it('should turn a metric value into a percent and send both', async () => {
    mockedReport.mockResolvedValue(createSheet({ status: 'approved' }))
    await renderForm(createItem({ metric: { unit: '万元', targetValue: 20 } }))
    await type('完成数值', '5')
    expect(await screen.findByText('折合完成度 25%')).toBeTruthy()
    fireEvent.click(screen.getByText('提交进展'))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(mockedReport).toHaveBeenCalledWith(2027, 'it-1', 2, { percent: 25, value: 5, note: '', photos: [] }, expect.any(String))
  })

  it('should upload photos with progress, retry a failed one, remove one, and send the rest', async () => {
    jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ tempFilePaths: ['blob:one', 'blob:two'], tempFiles: [], errMsg: 'ok' } as never)
    const upload = jest
      .spyOn(Taro, 'uploadFile')
      .mockImplementationOnce(() => uploaded(URL_1))
      .mockImplementationOnce(() => uploadTask(Promise.reject({ errMsg: 'uploadFile:fail' })))
      .mockImplementationOnce(() => uploaded(URL_2))
    mockedReport.mockResolvedValue(createSheet({ status: 'approved' }))
    await renderForm()
    await type('完成度', '50')
    fireEvent.click(screen.getByText('添加照片'))
    expect(await screen.findByText('上传失败')).toBeTruthy()
    expect(screen.getByText('照片（2/9）')).toBeTruthy()
    expect(upload.mock.calls[0][0]).toEqual(expect.objectContaining({ filePath: 'blob:one', name: 'file', url: expect.stringMatching(/\/api\/uploads$/) }))

    fireEvent.click(screen.getByText('提交进展'))
    expect(await screen.findByText('有 1 张照片没有上传成功，请点“重试”或删除后再提交。')).toBeTruthy()

    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(screen.queryByText('上传失败')).toBeNull())
    expect(screen.getAllByText('删除')).toHaveLength(2)
    fireEvent.click(screen.getAllByText('删除')[0])
    expect(await screen.findByText('照片（1/9）')).toBeTruthy()

    fireEvent.click(screen.getByText('提交进展'))
    await waitFor(() => expect(mockedReport).toHaveBeenCalled())
    expect(mockedReport.mock.calls[0][3]).toEqual({ percent: 50, note: '', photos: [URL_2] })
  })

  it('should say when the server refuses a file that is not a photo', async () => {
    jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ tempFilePaths: ['blob:text'], tempFiles: [], errMsg: 'ok' } as never)
    jest
      .spyOn(Taro, 'uploadFile')
      .mockImplementation(() =>
        uploadTask(Promise.resolve({ statusCode: 400, data: JSON.stringify({ error: { code: 'UNSUPPORTED_FILE', message: '不支持' } }) })),
      )
    await renderForm()
    fireEvent.click(screen.getByText('添加照片'))
    expect(await screen.findByText(/只支持 JPG、PNG、WebP 格式的图片/)).toBeTruthy()
  })

  it('should keep what was written on the phone when sending fails', async () => {
    mockedReport.mockRejectedValue(new ApiError({ kind: 'network' }))
    await renderForm()
    await type('完成度', '70')
    await type('进展说明', '已完成招商签约')
    fireEvent.click(screen.getByText('提交进展'))
    expect(await screen.findByText(/提交没有成功：网络连接失败/)).toBeTruthy()
    const draft = useProgressStore.getState().drafts[progressKey('u-s01', 2027, 'it-1', 2)]
    expect(draft).toEqual(expect.objectContaining({ percent: '70', note: '已完成招商签约' }))
    expect(onDone).not.toHaveBeenCalled()
  })
})
