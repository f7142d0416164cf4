import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

/** zustand `StateStorage` on Taro's synchronous storage (wx storage on weapp, localStorage on H5). */
export const taroStorage: StateStorage = {
  getItem: (name) => {
    try {
      const value: unknown = Taro.getStorageSync(name)
      return typeof value === 'string' && value !== '' ? value : null
    } catch {
      return null
    }
  },
  setItem: (name, value) => {
    try {
      Taro.setStorageSync(name, value)
    } catch {
      // Storage full or unavailable: state stays in memory for this session.
    }
  },
  removeItem: (name) => {
    try {
      Taro.removeStorageSync(name)
    } catch {
      // Nothing to remove.
    }
  },
}
