import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import { getCommitment, getCommitments, reviewCommitment } from '@/api/commitments'
import { ReviewDetail } from '@/features/commitments/components/review-detail'
import { ReviewList } from '@/features/commitments/components/review-list'
import { createSheet, type } from './commitments-fixtures'

jest.mock('@/api/commitments')
const mockedGet = jest.mocked(getCommitment)
const mockedList = jest.mocked(getCommitments)
const mockedReview = jest.mocked(reviewCommitment)

const SUBMITTED = createSheet({ status: 'submitted', submittedAt: '2027-01-11T09:00:00+08:00' })

beforeEach(() => {
  jest.resetAllMocks()
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

describe('ReviewDetail (承诺审核)', () => {
  it('should require a comment to 退回 and say so inline without sending', async () => {
    mockedGet.mockResolvedValue(SUBMITTED)
    render(<ReviewDetail id='cm-1' />)
    fireEvent.click(await screen.findByText('退回'))
    expect(await screen.findByText('退回时请写明原因')).toBeTruthy()
    expect(mockedReview).not.toHaveBeenCalled()
  })

  it('should return with the comment and show the sheet as 已退回', async () => {
    mockedGet.mockResolvedValue(SUBMITTED)
    mockedReview.mockResolvedValue({ ...SUBMITTED, status: 'returned', reviewComment: '请量化第 2 项' })
    render(<ReviewDetail id='cm-1' />)
    await screen.findByText('退回')
    await type('审核意见', ' 请量化第 2 项 ')
    fireEvent.click(screen.getByText('退回'))
    await waitFor(() => expect(mockedReview).toHaveBeenCalledWith('cm-1', { decision: 'return', comment: '请量化第 2 项' }, expect.any(String)))
    expect(await screen.findByText('已退回')).toBeTruthy()
    expect(screen.getByText('审核意见：请量化第 2 项')).toBeTruthy()
    expect(screen.queryByText('通过')).toBeNull()
  })

  it('should approve without a comment and retry a network failure with the same key', async () => {
    mockedGet.mockResolvedValue(SUBMITTED)
    mockedReview.mockRejectedValueOnce(new ApiError({ kind: 'timeout' })).mockResolvedValueOnce({ ...SUBMITTED, status: 'approved' })
    render(<ReviewDetail id='cm-1' />)
    fireEvent.click(await screen.findByText('通过'))
    expect(await screen.findByText(/通过没有成功：网络太慢/)).toBeTruthy()
    fireEvent.click(screen.getByText('通过'))
    expect(await screen.findByText('已通过')).toBeTruthy()
    expect(mockedReview.mock.calls[1][2]).toBe(mockedReview.mock.calls[0][2])
  })
})

describe('ReviewList (承诺审核列表)', () => {
  it('should list sheets awaiting review with owner, village, status and completion, and open one', async () => {
    mockedList.mockResolvedValue({ items: [SUBMITTED], total: 1, page: 1, pageSize: 20 })
    const onOpen = jest.fn()
    render(<ReviewList year={2027} onOpen={onOpen} />)
    expect(await screen.findByText('王建国')).toBeTruthy()
    expect(screen.getByText('汉旺镇 武都村 · 3 项 · 完成度 0%')).toBeTruthy()
    expect(screen.getByText('已提交')).toBeTruthy()
    expect(mockedList).toHaveBeenCalledWith(expect.objectContaining({ year: 2027, status: 'submitted', page: 1 }))
    fireEvent.click(screen.getByText('王建国'))
    expect(onOpen).toHaveBeenCalledWith('cm-1')
  })

  it('should filter by status and say when nothing matches', async () => {
    mockedList.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 20 })
    render(<ReviewList year={2027} onOpen={jest.fn()} />)
    fireEvent.click(await screen.findByText('已通过'))
    await waitFor(() => expect(mockedList).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'approved' })))
    expect(await screen.findByText('没有符合条件的履职承诺')).toBeTruthy()
  })
})
