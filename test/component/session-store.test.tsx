import Taro from '@tarojs/taro'
import { useSessionStore } from '@/stores/session-store'

const user = { id: 'u-s01', name: '赵桂芳', role: 'secretary' as const, town: '剑南街道', village: '城北社区', phone: '13800000001' }

beforeEach(() => {
  Taro.clearStorageSync()
  useSessionStore.setState({ token: null, user: null })
})

describe('useSessionStore', () => {
  it('should keep the session in storage so a reopened app stays signed in', async () => {
    useSessionStore.getState().setSession('tok-1', user)
    const saved = Taro.getStorageSync('zst-session')
    expect(saved).toContain('tok-1')
    // A new launch: memory is empty, storage holds what the last run saved.
    useSessionStore.setState({ token: null, user: null })
    Taro.setStorageSync('zst-session', saved)
    await useSessionStore.persist.rehydrate()
    expect(useSessionStore.getState()).toMatchObject({ token: 'tok-1', user })
  })

  it('should treat a tampered or broken stored session as signed out', async () => {
    for (const stored of ['{not json', JSON.stringify({ state: { token: 'x', user: { id: 1 } }, version: 1 }), JSON.stringify({ state: { token: '', user } })]) {
      Taro.setStorageSync('zst-session', stored)
      useSessionStore.setState({ token: null, user: null })
      await useSessionStore.persist.rehydrate()
      expect(useSessionStore.getState().token).toBeNull()
    }
  })

  it('should forget everything on clear', () => {
    useSessionStore.getState().setSession('tok-1', user)
    useSessionStore.getState().clear()
    expect(useSessionStore.getState()).toMatchObject({ token: null, user: null })
    expect(String(Taro.getStorageSync('zst-session'))).not.toContain('tok-1')
  })
})
