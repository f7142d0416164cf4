import { LARGE_SYSTEM_FONT_PX, isLargeFontSetting } from '@/shared/lib/font-setting'

// WeChat's API as the weapp build sees it (this suite runs in Node, without Taro's H5 runtime).
const mockGetSystemInfoSync = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getSystemInfoSync: () => mockGetSystemInfoSync() } }))

type SystemFont = typeof import('@/shared/lib/platform/system-font.weapp')

/** A fresh copy of the weapp module (it caches the setting per launch) with WeChat reporting `setting`. */
function weappWith(setting: unknown): SystemFont {
  mockGetSystemInfoSync.mockReturnValue({ fontSizeSetting: setting })
  let loaded: SystemFont | undefined
  jest.isolateModules(() => {
    loaded = jest.requireActual<SystemFont>('@/shared/lib/platform/system-font.weapp')
  })
  return loaded as SystemFont
}

beforeEach(() => mockGetSystemInfoSync.mockReset())

describe('the WeChat font size threshold of 大字模式', () => {
  it('should count 20 px and more as large, and the standard sizes and one step up as normal', () => {
    expect(LARGE_SYSTEM_FONT_PX).toBe(20)
    for (const px of [12, 14, 16, 17, 18, 19, 19.9]) expect(isLargeFontSetting(px)).toBe(false)
    for (const px of [20, 22, 24, 26, 28]) expect(isLargeFontSetting(px)).toBe(true)
  })

  it('should treat a missing or malformed setting as normal size', () => {
    for (const value of [undefined, null, '22', Number.NaN, Number.POSITIVE_INFINITY, {}]) expect(isLargeFontSetting(value)).toBe(false)
  })
})

describe('system-font on weapp', () => {
  it('should follow WeChat: large from fontSizeSetting 20, normal below', () => {
    expect(weappWith(22).systemPrefersLargeText()).toBe(true)
    expect(weappWith(20).systemPrefersLargeText()).toBe(true)
    expect(weappWith(17).systemPrefersLargeText()).toBe(false)
    expect(weappWith(undefined).systemPrefersLargeText()).toBe(false)
  })

  it('should read the setting once per launch and survive an API that throws', () => {
    const mod = weappWith(24)
    expect(mod.systemPrefersLargeText()).toBe(true)
    expect(mod.systemPrefersLargeText()).toBe(true)
    expect(mockGetSystemInfoSync).toHaveBeenCalledTimes(1)

    mockGetSystemInfoSync.mockImplementation(() => {
      throw new Error('getSystemInfoSync:fail')
    })
    let broken: SystemFont | undefined
    jest.isolateModules(() => {
      broken = jest.requireActual<SystemFont>('@/shared/lib/platform/system-font.weapp')
    })
    expect(broken?.systemPrefersLargeText()).toBe(false)
    expect(broken?.HAS_SYSTEM_FONT_SETTING).toBe(true)
  })

  it('should never be large by default on H5, which has no WeChat setting', () => {
    const h5 = jest.requireActual<typeof import('@/shared/lib/platform/system-font.h5')>('@/shared/lib/platform/system-font.h5')
    expect(h5.systemPrefersLargeText()).toBe(false)
    expect(h5.HAS_SYSTEM_FONT_SETTING).toBe(false)
  })
})
