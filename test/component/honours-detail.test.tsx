import { fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import type { Honour } from '@/api/contract/honour'
import { getHonour, getMyHonours } from '@/api/honours'
import { HonourDetail } from '@/features/honours/components/honour-detail'
import { MyHonours } from '@/features/honours/components/my-honours'

jest.mock('@/api/honours')
const mockedGet = jest.mocked(getHonour)
const mockedMine = jest.mocked(getMyHonours)

const CITATION = '剑南街道城北社区党组织书记王建华：探索“社区合伙人”培育机制，引入 8 家社会组织和商户参与社区服务，居民满意度明显提升。'
const honour = (extra: Partial<Honour> = {}): Honour => ({
  id: 'hon-2026-inn-01',
  year: 2026,
  type: 'innovation',
  title: '2026年度岗位创新奖',
  recipient: { id: 'u-s01', name: '王建华', role: 'secretary', town: '剑南街道', village: '城北社区', phone: '138****0001' },
  citation: CITATION,
  amount: 5000,
  awardedAt: '2026-03-20T10:00:00+08:00',
  ...extra,
})

beforeEach(() => jest.resetAllMocks())

describe('HonourDetail', () => {
  it('should show the type, recipient, village, date, amount and the whole citation', async () => {
    mockedGet.mockResolvedValue(honour())
    render(<HonourDetail id='hon-2026-inn-01' />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    expect(await screen.findByText('2026年度岗位创新奖')).toBeTruthy()
    expect(screen.getByText('岗位创新奖')).toBeTruthy()
    expect(screen.getByText('剑南街道 · 城北社区')).toBeTruthy()
    expect(screen.getByText('2026 年度 · 2026年3月20日 颁发')).toBeTruthy()
    expect(screen.getByText('奖金 5000 元')).toBeTruthy()
    expect(screen.getByText(CITATION)).toBeTruthy()
  })

  it('should show no amount for a 荣退 and offer 重试 after a failure', async () => {
    mockedGet.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValueOnce(honour({ type: 'retirement', title: '荣退', amount: undefined }))
    render(<HonourDetail id='hon-1' />)
    fireEvent.click(await screen.findByText('重试'))
    expect(await screen.findByText('荣退', { selector: '.zs-title' })).toBeTruthy()
    expect(screen.queryByText(/奖金/)).toBeNull()
  })
})

describe('MyHonours', () => {
  it('should list the secretary\'s honours newest first and open one', async () => {
    mockedMine.mockResolvedValue({ items: [honour(), honour({ id: 'hon-2025', year: 2025, title: '2025年度优秀村（社区）党组织书记', type: 'excellent', amount: undefined, awardedAt: '2025-03-20T10:00:00+08:00' })].reverse(), total: 2, page: 1, pageSize: 50 })
    const onOpen = jest.fn()
    render(<MyHonours onOpen={onOpen} onBrowse={jest.fn()} />)
    const rows = await screen.findAllByRole('link')
    // Each row is a link named by its visible text: recipient, place, title, citation, date.
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringMatching(/^王建华.*2026年度岗位创新奖/), expect.stringMatching(/^王建华.*2025年度优秀村（社区）党组织书记/)])
    fireEvent.click(rows[1])
    expect(onOpen).toHaveBeenCalledWith('hon-2025')
  })

  it('should say so when there is none yet and lead to the 荣誉墙', async () => {
    mockedMine.mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 50 })
    const onBrowse = jest.fn()
    render(<MyHonours onOpen={jest.fn()} onBrowse={onBrowse} />)
    fireEvent.click(await screen.findByText('去看荣誉墙'))
    expect(onBrowse).toHaveBeenCalled()
    expect(screen.getByText('您还没有获得荣誉')).toBeTruthy()
  })
})
