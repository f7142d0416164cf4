import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import { getMyCommitment, saveMyCommitment, submitMyCommitment } from '@/api/commitments'
import { draftKey, useCommitmentsStore } from '@/features/commitments/commitments-store'
import { CommitmentSheet } from '@/features/commitments/components/commitment-sheet'
import { createDraftItem, draftItemsOf } from '@/features/commitments/lib/draft'
import { createItem, createSheet, SECRETARY, type } from './commitments-fixtures'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/commitments')
const mockedGet = jest.mocked(getMyCommitment)
const mockedSave = jest.mocked(saveMyCommitment)
const mockedSubmit = jest.mocked(submitMyCommitment)

const KEY = draftKey('u-s01', 2027)
const onReport = jest.fn()

function renderSheet() {
  return render(<CommitmentSheet user={SECRETARY} year={2027} onReport={onReport} />)
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  localStorage.clear()
  useCommitmentsStore.setState({ drafts: {} })
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'ok' } as never)
})

describe('CommitmentSheet (履职承诺)', () => {
  it('should explain per item what is missing before sending anything on 提交', async () => {
    mockedGet.mockResolvedValue(null)
    renderSheet()
    fireEvent.click(await screen.findByText(/添加承诺事项/))
    await type('第 1 项标题', '壮大村集体经济')
    fireEvent.click(screen.getByText('提交'))
    const summary = await screen.findByText('还不能提交，请补全：')
    const box = summary.parentElement as HTMLElement
    expect(within(box).getByText('至少填写 3 项承诺')).toBeTruthy()
    expect(within(box).getByText('第 1 项：请选择类别、请填写可衡量的目标、请选择完成季度')).toBeTruthy()
    expect(screen.getAllByText('请选择类别').length).toBeGreaterThan(0)
    expect(mockedSave).not.toHaveBeenCalled()
    expect(mockedSubmit).not.toHaveBeenCalled()
  })

  it('should save the draft, then submit a complete sheet and show 已提交 read-only', async () => {
    const sheet = createSheet()
    mockedGet.mockResolvedValue(null)
    mockedSave.mockResolvedValue(sheet)
    mockedSubmit.mockResolvedValue({ ...sheet, status: 'submitted', submittedAt: '2027-01-11T09:00:00+08:00' })
    useCommitmentsStore.getState().editDraft(KEY, draftItemsOf(sheet))
    renderSheet()
    fireEvent.click(await screen.findByText('提交'))
    expect(await screen.findByText('2027 年履职承诺 · 已提交')).toBeTruthy()
    expect(mockedSave).toHaveBeenCalledWith(2027, expect.objectContaining({ items: expect.any(Array) }), expect.any(String))
    expect(mockedSubmit).toHaveBeenCalledWith(2027, expect.any(String))
    expect(screen.getByText('等待组织者审核，审核期间不能修改。')).toBeTruthy()
    expect(screen.queryByText('保存草稿')).toBeNull()
  })

  it('should show the organiser comment of a returned sheet and let it be edited again', async () => {
    mockedGet.mockResolvedValue(createSheet({ status: 'returned', reviewComment: '第 2 项目标请写明公里数和完成时间' }))
    renderSheet()
    expect(await screen.findByText('2027 年履职承诺 · 已退回')).toBeTruthy()
    expect(screen.getByText('组织者意见：第 2 项目标请写明公里数和完成时间')).toBeTruthy()
    expect(screen.getByText('保存草稿')).toBeTruthy()
    expect(screen.getByText('提交')).toBeTruthy()
    // Taro's Input is a custom element that puts its label on once it is defined: wait for it under load.
    expect(await screen.findByLabelText('第 2 项标题')).toBeTruthy()
  })

  it('should lock an approved sheet and show completion and 填报进展 per item', async () => {
    const progress = [{ quarter: 1, percent: 40, note: '完成招商对接', photos: [], reportedAt: '2027-03-30T10:00:00+08:00' }]
    mockedGet.mockResolvedValue(createSheet({ status: 'approved', completion: 13.3, items: [createItem({ progress, latestPercent: 40 }), createItem({ id: 'it-2' }), createItem({ id: 'it-3' })] }))
    renderSheet()
    expect(await screen.findByText('2027 年履职承诺 · 已通过')).toBeTruthy()
    expect(screen.getByText('13.3%')).toBeTruthy()
    expect(screen.getByText('第1季度 · 40%')).toBeTruthy()
    expect(screen.getByText('完成招商对接')).toBeTruthy()
    expect(screen.queryByText('保存草稿')).toBeNull()
    fireEvent.click(screen.getAllByText('填报进展')[0])
    expect(onReport).toHaveBeenCalledWith('it-1')
  })

  it('should offer a newer unsaved draft on the phone, and keep it on 恢复', async () => {
    mockedGet.mockResolvedValue(createSheet())
    useCommitmentsStore.setState({
      drafts: { [KEY]: { items: [createDraftItem({ id: 'it-1', title: '手机上改过的标题', target: '', metricUnit: '', metricTarget: '' })], updatedAt: Date.parse('2027-01-12T10:00:00+08:00'), dirty: true } },
    })
    renderSheet()
    expect(await screen.findByText(/手机上有未保存的草稿（1月12日 周二 10:00），是否恢复？/)).toBeTruthy()
    fireEvent.click(screen.getByText('恢复'))
    await waitFor(() => expect((screen.getByLabelText('第 1 项标题') as HTMLElement & { value: string }).value).toBe('手机上改过的标题'))
    expect(screen.queryByLabelText('第 2 项标题')).toBeNull()
  })

  it('should take the server version on 放弃', async () => {
    mockedGet.mockResolvedValue(createSheet())
    useCommitmentsStore.setState({
      drafts: { [KEY]: { items: [createDraftItem({ title: '手机上改过的标题' })], updatedAt: Date.parse('2027-01-12T10:00:00+08:00'), dirty: true } },
    })
    renderSheet()
    fireEvent.click(await screen.findByText('放弃'))
    await waitFor(() => expect((screen.getByLabelText('第 1 项标题') as HTMLElement & { value: string }).value).toBe('壮大村集体经济'))
    expect(await screen.findByLabelText('第 3 项标题')).toBeTruthy()
    expect(useCommitmentsStore.getState().drafts[KEY].dirty).toBe(false)
  })

  it('should not offer a phone draft older than the server copy', async () => {
    mockedGet.mockResolvedValue(createSheet())
    useCommitmentsStore.setState({
      drafts: { [KEY]: { items: [createDraftItem({ title: '旧的标题' })], updatedAt: Date.parse('2027-01-01T10:00:00+08:00'), dirty: true } },
    })
    renderSheet()
    expect(await screen.findByLabelText('第 3 项标题')).toBeTruthy()
    expect(screen.queryByText(/是否恢复/)).toBeNull()
  })

  it('should keep everything when 保存草稿 fails on the network and retry with the same key', async () => {
    mockedGet.mockResolvedValue(null)
    mockedSave.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(createSheet())
    renderSheet()
    fireEvent.click(await screen.findByText(/添加承诺事项/))
    await type('第 1 项标题', '壮大村集体经济')
    fireEvent.click(screen.getByText('保存草稿'))
    expect(await screen.findByText(/保存草稿没有成功：网络连接失败/)).toBeTruthy()
    expect(useCommitmentsStore.getState().drafts[KEY].items[0].title).toBe('壮大村集体经济')
    fireEvent.click(screen.getByText('重试'))
    await waitFor(() => expect(mockedSave).toHaveBeenCalledTimes(2))
    expect(mockedSave.mock.calls[1][2]).toBe(mockedSave.mock.calls[0][2])
  })

  it('should put the server 400 fields onto the items', async () => {
    mockedGet.mockResolvedValue(createSheet())
    mockedSubmit.mockRejectedValue(
      new ApiError({ kind: 'http', status: 400, code: 'VALIDATION_FAILED', fields: { 'items.1.target': '目标应为 2–200 个字' } }),
    )
    renderSheet()
    fireEvent.click(await screen.findByText('提交'))
    expect(await screen.findByText('第 2 项：目标应为 2–200 个字')).toBeTruthy()
  })

  it('should reorder and remove items with 上移, 下移 and 删除, keeping the result on the phone', async () => {
    mockedGet.mockResolvedValue(null)
    renderSheet()
    fireEvent.click(await screen.findByText(/添加承诺事项/))
    fireEvent.click(screen.getByText('添加承诺事项（1/10）'))
    fireEvent.click(screen.getByText('添加承诺事项（2/10）'))
    await type('第 1 项标题', '甲项')
    await type('第 2 项标题', '乙项')
    await type('第 3 项标题', '丙项')
    const titles = () => useCommitmentsStore.getState().drafts[KEY].items.map((i) => i.title)
    fireEvent.click(screen.getAllByText('下移')[0])
    expect(titles()).toEqual(['乙项', '甲项', '丙项'])
    fireEvent.click(screen.getAllByText('上移')[2])
    expect(titles()).toEqual(['乙项', '丙项', '甲项'])
    fireEvent.click(screen.getAllByText('删除')[0])
    expect(titles()).toEqual(['丙项', '甲项'])
    await waitFor(() => expect((screen.getByLabelText('第 1 项标题') as HTMLElement & { value: string }).value).toBe('丙项'))
  })

  it('should let a draft on the phone be written on without signal, and load the server copy on 重试', async () => {
    mockedGet.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(createSheet({ updatedAt: '2020-01-10T09:00:00+08:00' }))
    useCommitmentsStore.getState().editDraft(KEY, [createDraftItem({ title: '没信号时写的' })])
    renderSheet()
    expect(await screen.findByText(/手机上的草稿可以继续填写，联网后再保存。/)).toBeTruthy()
    await type('第 1 项标题', '没信号时接着写')
    expect(useCommitmentsStore.getState().drafts[KEY].items[0].title).toBe('没信号时接着写')
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText(/手机上有未保存的草稿/)).toBeTruthy()
  })

  it('should show the error and 重试 when nothing is on the phone and the sheet cannot load', async () => {
    mockedGet.mockRejectedValue(new ApiError({ kind: 'network' }))
    renderSheet()
    expect(await screen.findByText('加载失败')).toBeTruthy()
    expect(screen.queryByText('保存草稿')).toBeNull()
  })
})
