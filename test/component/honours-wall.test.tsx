import { fireEvent, render, screen, within } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import type { Honour, ThemeMonth } from '@/api/contract/honour'
import { getHonours } from '@/api/honours'
import { getThemeMonth } from '@/api/theme-months'
import { HonoursTab } from '@/features/honours/components/honours-tab'
import { ThemeMonthCard } from '@/features/honours/components/theme-month-card'
import { createEvent } from '../support/events'

jest.mock('@/api/honours')
jest.mock('@/api/theme-months')
const mockedGetHonours = jest.mocked(getHonours)
const mockedGetThemeMonth = jest.mocked(getThemeMonth)

const NOV_2026 = Date.parse('2026-11-28T10:00:00+08:00')
const user = (n: number) => ({ id: `u-s${n}`, name: `书记${n}`, role: 'secretary' as const, town: '孝德镇', village: `村${n}`, phone: '138****0001' })
const honour = (n: number, type: Honour['type'], year = 2026, extra: Partial<Honour> = {}): Honour => ({
  id: `hon-${year}-${n}`,
  year,
  type,
  title: { innovation: '岗位创新奖', excellent: '优秀书记', contest: '技能比武一等奖', retirement: '荣退' }[type],
  recipient: user(n),
  citation: `第 ${n} 位的事迹：带领村民发展集体经济。`,
  ...(type === 'innovation' ? { amount: 5000 } : {}),
  awardedAt: `${year}-03-20T10:00:00+08:00`,
  ...extra,
})
const page = (items: Honour[]) => ({ items, total: items.length, page: 1, pageSize: 100 })
const theme = (year: number, extra: Partial<ThemeMonth> = {}): ThemeMonth => ({
  year,
  equinox: year === 2026 ? '2026-03-20' : '2027-03-21',
  activities: [],
  honours: [],
  ...extra,
})

function loaded<T>(data: T) {
  return { status: 'ready' as const, data, reload: jest.fn(async () => undefined) }
}

beforeEach(() => {
  jest.resetAllMocks()
})

describe('HonoursTab', () => {
  it('should open on the 2027 theme month in November 2026 and fall back to 2026 honours, grouped by type', async () => {
    mockedGetThemeMonth.mockImplementation(async (year) => theme(year))
    mockedGetHonours.mockImplementation(async (filters) =>
      filters?.year === 2027 ? page([]) : page([honour(1, 'retirement'), honour(2, 'innovation'), honour(3, 'innovation'), honour(4, 'excellent')]),
    )
    render(<HonoursTab now={NOV_2026} onOpenHonour={jest.fn()} onOpenEvent={jest.fn()} />)
    expect(await screen.findByText('2027 年支书主题活动月')).toBeTruthy()
    expect(await screen.findByText('3月1日–3月31日 · 春分 3月21日')).toBeTruthy()
    expect(await screen.findByText('2026 年荣誉墙')).toBeTruthy()
    expect(screen.getByText('2027 年的荣誉尚未评选，先看 2026 年的。')).toBeTruthy()
    const titles = screen.getAllByText(/ · \d+ 名$/).map((el) => el.textContent)
    expect(titles).toEqual(['岗位创新奖 · 2 名', '优秀书记 · 1 名', '荣退 · 1 名'])
    expect(screen.getAllByText('奖金 5000 元')).toHaveLength(2)
    expect(screen.getAllByText('2026年3月20日').length).toBe(4)
  })

  it('should filter by type and switch both the card and the wall with the year chips', async () => {
    mockedGetThemeMonth.mockImplementation(async (year) => theme(year))
    mockedGetHonours.mockImplementation(async (filters) =>
      page(filters?.year === 2025 ? [honour(9, 'contest', 2025)] : filters?.year === 2026 ? [honour(1, 'retirement'), honour(2, 'innovation')] : []),
    )
    render(<HonoursTab now={NOV_2026} onOpenHonour={jest.fn()} onOpenEvent={jest.fn()} />)
    await screen.findByText('2026 年荣誉墙')
    fireEvent.click(screen.getByText('荣退'))
    expect(screen.getByText('荣退 · 1 名')).toBeTruthy()
    expect(screen.queryByText('岗位创新奖 · 1 名')).toBeNull()
    fireEvent.click(screen.getByText('技能比武'))
    expect(screen.getByText('2026 年还没有技能比武')).toBeTruthy()
    fireEvent.click(screen.getByText('2025年'))
    expect(await screen.findByText('2025 年荣誉墙')).toBeTruthy()
    expect(await screen.findByText('2025 年支书主题活动月')).toBeTruthy()
    expect(screen.getByText('技能比武 · 1 名')).toBeTruthy()
    expect(mockedGetThemeMonth).toHaveBeenLastCalledWith(2025)
  })

  it('should open an honour with one tap on its row', async () => {
    mockedGetThemeMonth.mockResolvedValue(theme(2027))
    mockedGetHonours.mockResolvedValue(page([honour(2, 'innovation', 2027)]))
    const onOpenHonour = jest.fn()
    render(<HonoursTab now={NOV_2026} onOpenHonour={onOpenHonour} onOpenEvent={jest.fn()} />)
    fireEvent.click(await screen.findByText('书记2'))
    expect(onOpenHonour).toHaveBeenCalledWith('hon-2027-2')
  })

  it('should show the wall error with 重试, and the honours after retrying', async () => {
    mockedGetThemeMonth.mockResolvedValue(theme(2027))
    mockedGetHonours.mockRejectedValueOnce(new ApiError({ kind: 'network' })).mockResolvedValue(page([honour(2, 'innovation', 2027)]))
    render(<HonoursTab now={NOV_2026} onOpenHonour={jest.fn()} onOpenEvent={jest.fn()} />)
    expect(await screen.findByText(/网络连接失败/)).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('书记2')).toBeTruthy()
  })
})

describe('ThemeMonthCard', () => {
  const equinoxEvent = createEvent({ id: 'e-eq', title: '春分日集中活动：组织荣誉颁授', startAt: '2027-03-21T09:00:00+08:00', endAt: '2027-03-21T11:00:00+08:00' })
  const early = createEvent({ id: 'e-early', title: '强村讲堂：三月第一讲', startAt: '2027-03-03T09:00:00+08:00', endAt: '2027-03-03T11:00:00+08:00' })

  it('should count down to 春分 in February and list the equinox-day events first', () => {
    const data = theme(2027, { activities: [early, equinoxEvent] })
    const onOpenEvent = jest.fn()
    render(<ThemeMonthCard year={2027} theme={loaded(data)} now={Date.parse('2027-02-19T10:00:00+08:00')} onOpenEvent={onOpenEvent} />)
    expect(screen.getByText('距春分还有 30 天')).toBeTruthy()
    // Each agenda row is a link named by its visible text (tag, title, time).
    const agenda = screen.getAllByRole('link').map((el) => el.querySelector('.hn-agenda__title')?.textContent)
    expect(agenda).toEqual(['春分日集中活动：组织荣誉颁授', '强村讲堂：三月第一讲'])
    expect(within(screen.getAllByRole('link')[0]).getByText('春分日')).toBeTruthy()
    fireEvent.click(screen.getByText('强村讲堂：三月第一讲'))
    expect(onOpenEvent).toHaveBeenCalledWith('e-early')
  })

  it('should show no countdown before February', () => {
    render(<ThemeMonthCard year={2027} theme={loaded(theme(2027))} now={NOV_2026} onOpenEvent={jest.fn()} />)
    expect(screen.queryByText(/距春分还有/)).toBeNull()
    expect(screen.getByText('3月的活动尚未发布，发布后会在这里列出。')).toBeTruthy()
  })

  it('should say 今天是春分 on the day', () => {
    render(<ThemeMonthCard year={2027} theme={loaded(theme(2027))} now={Date.parse('2027-03-21T08:00:00+08:00')} onOpenEvent={jest.fn()} />)
    expect(screen.getByText('今天是春分，集中活动今天举行')).toBeTruthy()
  })

  it('should recap the activities and honours after March instead of the agenda', () => {
    const data = theme(2026, { activities: [early, equinoxEvent], honours: [honour(1, 'innovation'), honour(2, 'innovation'), honour(3, 'retirement')] })
    render(<ThemeMonthCard year={2026} theme={loaded(data)} now={NOV_2026} onOpenEvent={jest.fn()} />)
    expect(screen.getByText('共举办 2 场活动，颁发 3 项荣誉')).toBeTruthy()
    expect(screen.getByText('岗位创新奖 2 名')).toBeTruthy()
    expect(screen.getByText('荣退 1 名')).toBeTruthy()
    expect(screen.queryByText('活动安排')).toBeNull()
    expect(screen.queryByText(/距春分/)).toBeNull()
  })
})
