import { ApiError } from '@/api/api-error'
import { logoutAll } from '@/api/auth'
import { signOutEverywhere } from '@/features/auth/session-actions'
import { useSessionStore } from '@/stores/session-store'

jest.mock('@/api/auth')
const mockedLogoutAll = jest.mocked(logoutAll)
const user = { id: 'u-s01', name: '张书记', role: 'secretary' as const, town: '剑南街道', phone: '13800000001' }

beforeEach(() => {
  jest.resetAllMocks()
  useSessionStore.setState({ token: 'tok', user })
})

describe('signOutEverywhere (退出所有设备)', () => {
  it('should forget this phone\'s session once the server has ended them all', async () => {
    mockedLogoutAll.mockResolvedValue(undefined)
    await signOutEverywhere()
    expect(mockedLogoutAll).toHaveBeenCalledTimes(1)
    expect(useSessionStore.getState()).toMatchObject({ token: null, user: null })
  })

  it('should keep this phone signed in and throw when the server could not be reached', async () => {
    mockedLogoutAll.mockRejectedValue(new ApiError({ kind: 'network' }))
    await expect(signOutEverywhere()).rejects.toMatchObject({ kind: 'network' })
    expect(useSessionStore.getState().token).toBe('tok')
  })

  it('should sign out locally when the session had already ended (401)', async () => {
    mockedLogoutAll.mockRejectedValue(new ApiError({ kind: 'http', status: 401, code: 'SESSION_EXPIRED' }))
    await signOutEverywhere()
    expect(useSessionStore.getState().token).toBeNull()
  })
})
