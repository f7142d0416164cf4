import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import { Page } from '@/app/page'
import { SettingsScreen } from '@/features/settings/components/settings-screen'
import { systemPrefersLargeText } from '@/shared/lib/platform/system-font'
import { LARGE_TEXT_SCALE, useLargeText, useSettingsStore, useTextScale } from '@/stores/settings-store'

// The platform's font setting, switchable per test: weapp (has one, may be large) or H5 (none).
const mockPlatform = { hasSetting: true }
jest.mock('@/shared/lib/platform/system-font', () => ({
  systemPrefersLargeText: jest.fn(() => false),
  get HAS_SYSTEM_FONT_SETTING() {
    return mockPlatform.hasSetting
  },
}))
const mockedSystem = jest.mocked(systemPrefersLargeText)

const KEY = 'zst-settings'

beforeEach(() => {
  Taro.clearStorageSync()
  mockedSystem.mockReturnValue(false)
  mockPlatform.hasSetting = true
  useSettingsStore.setState({ largeText: null })
})

/** The switch row with this title. */
const switchRow = (title: string) => screen.getByRole('switch', { name: title })

describe('useSettingsStore', () => {
  it('should keep 大字模式 in storage so a reopened app opens large', async () => {
    useSettingsStore.getState().setLargeText(true)
    const saved = String(Taro.getStorageSync(KEY))
    expect(JSON.parse(saved)).toMatchObject({ state: { largeText: true } })
    // A new launch: memory is back to the default, storage holds what the last run saved.
    useSettingsStore.setState({ largeText: null })
    Taro.setStorageSync(KEY, saved)
    await useSettingsStore.persist.rehydrate()
    expect(useSettingsStore.getState().largeText).toBe(true)
  })

  it('should store only the setting, not the actions', () => {
    useSettingsStore.getState().setLargeText(false)
    expect(Object.keys(JSON.parse(String(Taro.getStorageSync(KEY))).state)).toEqual(['largeText'])
  })

  it('should fall back to following the system when the stored setting is broken or tampered', async () => {
    const broken = ['{not json', JSON.stringify({ state: { largeText: 'yes' }, version: 1 }), JSON.stringify({ state: { largeText: 1 }, version: 1 }), JSON.stringify({ state: null, version: 1 }), JSON.stringify({ state: {}, version: 1 })]
    for (const stored of broken) {
      Taro.setStorageSync(KEY, stored)
      useSettingsStore.setState({ largeText: null })
      await useSettingsStore.persist.rehydrate()
      expect(useSettingsStore.getState().largeText).toBeNull()
    }
  })

  it('should follow the system while the setting is null, and the user once they choose', () => {
    mockedSystem.mockReturnValue(true)
    const { result, rerender } = renderHook(() => [useLargeText(), useTextScale()] as const)
    expect(result.current).toEqual([true, LARGE_TEXT_SCALE])
    mockedSystem.mockReturnValue(false)
    rerender()
    expect(result.current).toEqual([false, 1])
    // An explicit choice wins over the system either way.
    mockedSystem.mockReturnValue(true)
    act(() => useSettingsStore.getState().setLargeText(false))
    rerender()
    expect(result.current).toEqual([false, 1])
    mockedSystem.mockReturnValue(false)
    act(() => useSettingsStore.getState().setLargeText(true))
    rerender()
    expect(result.current).toEqual([true, 1.4])
  })
})

describe('Page', () => {
  it('should mark the screen root zs-large in 大字模式 only', () => {
    const classes = (el: Element | null) => [...(el?.classList ?? [])].sort()
    const { container, rerender } = render(<Page className='at-page'>内容</Page>)
    expect(classes(container.firstElementChild)).toEqual(['at-page', 'zs-page'])
    act(() => useSettingsStore.getState().setLargeText(true))
    expect(classes(container.firstElementChild)).toEqual(['at-page', 'zs-large', 'zs-page'])
    rerender(<Page bare>内容</Page>)
    expect(classes(container.firstElementChild)).toEqual(['zs-large', 'zs-root'])
    act(() => useSettingsStore.getState().setLargeText(false))
    expect(classes(container.firstElementChild)).toEqual(['zs-root'])
  })

  it('should put 大字模式 on <html> too (H5), for the tab bar, toasts and modals outside the screens', () => {
    const html = document.documentElement
    render(<Page>内容</Page>)
    expect(html.classList.contains('zs-large-app')).toBe(false)
    act(() => useSettingsStore.getState().setLargeText(true))
    expect(html.classList.contains('zs-large-app')).toBe(true)
    act(() => useSettingsStore.getState().setLargeText(false))
    expect(html.classList.contains('zs-large-app')).toBe(false)
  })
})

describe('SettingsScreen', () => {
  it('should turn 大字模式 on and off with one tap on its row, and say so in the preview', () => {
    render(<SettingsScreen />)
    expect(switchRow('大字模式').getAttribute('aria-checked')).toBe('false')
    expect(screen.getByText(/^正常字号/)).toBeTruthy()

    fireEvent.click(switchRow('大字模式'))
    expect(useSettingsStore.getState().largeText).toBe(true)
    expect(switchRow('大字模式').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText(/^大字模式已打开/)).toBeTruthy()
    expect(String(Taro.getStorageSync(KEY))).toContain('"largeText":true')

    fireEvent.click(switchRow('大字模式'))
    expect(useSettingsStore.getState().largeText).toBe(false)
    expect(switchRow('大字模式').getAttribute('aria-checked')).toBe('false')
  })

  it('should offer 跟随微信字体设置 on weapp: on by default, showing WeChat large text as 大字模式 on', () => {
    mockedSystem.mockReturnValue(true)
    render(<SettingsScreen />)
    expect(switchRow('跟随微信字体设置').getAttribute('aria-checked')).toBe('true')
    expect(switchRow('大字模式').getAttribute('aria-checked')).toBe('true')

    // Leaving "follow" keeps the size the user sees, as an explicit choice.
    fireEvent.click(switchRow('跟随微信字体设置'))
    expect(useSettingsStore.getState().largeText).toBe(true)
    expect(switchRow('跟随微信字体设置').getAttribute('aria-checked')).toBe('false')

    // Turning 大字模式 off by hand is explicit too; following again hands it back to WeChat.
    fireEvent.click(switchRow('大字模式'))
    expect(useSettingsStore.getState().largeText).toBe(false)
    fireEvent.click(switchRow('跟随微信字体设置'))
    expect(useSettingsStore.getState().largeText).toBeNull()
    expect(switchRow('大字模式').getAttribute('aria-checked')).toBe('true')
  })

  it('should not offer 跟随微信字体设置 on H5, where there is no WeChat setting', () => {
    mockPlatform.hasSetting = false
    render(<SettingsScreen />)
    expect(screen.queryByRole('switch', { name: '跟随微信字体设置' })).toBeNull()
    expect(screen.getAllByRole('switch')).toHaveLength(1)
  })
})

describe('退出所有设备', () => {
  const confirmModal = (confirm: boolean) =>
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'ok' } as never)

  it('should be offered only when signed in', () => {
    const { rerender } = render(<SettingsScreen />)
    expect(screen.queryByText('退出所有设备')).toBeNull()
    rerender(<SettingsScreen onSignOutEverywhere={jest.fn()} />)
    expect(screen.getByText('退出所有设备')).toBeTruthy()
  })

  it('should ask first, and do nothing when the user cancels', async () => {
    const modal = confirmModal(false)
    const everywhere = jest.fn().mockResolvedValue(undefined)
    render(<SettingsScreen onSignOutEverywhere={everywhere} />)
    fireEvent.click(screen.getByText('退出所有设备'))
    await act(async () => undefined)
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出所有设备' }))
    expect(everywhere).not.toHaveBeenCalled()
  })

  it('should say so when it could not reach the server, so the user knows the other devices are still signed in', async () => {
    confirmModal(true)
    const everywhere = jest.fn().mockRejectedValue(new ApiError({ kind: 'network' }))
    render(<SettingsScreen onSignOutEverywhere={everywhere} />)
    fireEvent.click(screen.getByText('退出所有设备'))
    expect(await screen.findByText(/^没有退出成功：网络连接失败/)).toBeTruthy()
    expect(everywhere).toHaveBeenCalledTimes(1)
  })
})
