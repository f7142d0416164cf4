import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApiError, messageForCode } from '@/api/api-error'
import { login, sendSmsCode } from '@/api/auth'
import { LoginForm, waitLabel } from '@/features/auth/components/login-form'
import { useSessionStore } from '@/stores/session-store'

jest.mock('@/api/auth')
const mockedLogin = jest.mocked(login)
const mockedSend = jest.mocked(sendSmsCode)

/** A 429 as the API client builds it. */
const limit = (code: 'RATE_LIMITED' | 'TOO_MANY_ATTEMPTS', retryAfter: number) =>
  new ApiError({ kind: 'http', status: 429, code, retryAfter, message: messageForCode(code, '', retryAfter) })

async function type(label: string, value: string) {
  const control = await waitFor(() => screen.getByLabelText(label, { selector: 'input' }))
  fireEvent.input(control, { target: { value } })
}
/** Lets `seconds` pass, one second (and one render) at a time. */
const tick = (seconds: number) => {
  for (let i = 0; i < seconds; i++) act(() => void jest.advanceTimersByTime(1000))
}
const button = (text: RegExp | string) => screen.getByText(text).closest('[role="button"]') ?? screen.getByText(text)

beforeEach(() => {
  jest.resetAllMocks()
  useSessionStore.setState({ token: null, user: null })
})
afterEach(() => jest.useRealTimers())

describe('waitLabel', () => {
  it('should say seconds under two minutes and whole minutes, rounded up, from there', () => {
    expect([waitLabel(1), waitLabel(119), waitLabel(120), waitLabel(121), waitLabel(900)]).toEqual(['1 秒', '119 秒', '2 分钟', '3 分钟', '15 分钟'])
  })
})

describe('LoginForm', () => {
  it('should check the phone and code before sending anything', async () => {
    render(<LoginForm onDone={jest.fn()} demoHint={false} />)
    await type('手机号', '1380000')
    fireEvent.click(screen.getByText('登录'))
    expect(mockedLogin).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('获取验证码'))
    expect(mockedSend).not.toHaveBeenCalled()
  })

  it("should wait as long as the server says after 429 RATE_LIMITED on 获取验证码", async () => {
    mockedSend.mockRejectedValueOnce(limit('RATE_LIMITED', 42))
    render(<LoginForm onDone={jest.fn()} demoHint={false} />)
    await type('手机号', '13800000001')
    fireEvent.click(screen.getByText('获取验证码'))
    expect(await screen.findByText('操作太频繁，请 42 秒后再试。')).toBeTruthy()
    expect(screen.getByText('42 秒后重发')).toBeTruthy()
  })

  // Last: Taro's H5 components keep a timer queue that fake timers leave behind.
  it('should lock 登录 for the wait a 429 TOO_MANY_ATTEMPTS gives, counting down, in words that name no account', async () => {
    jest.useFakeTimers()
    mockedLogin.mockRejectedValueOnce(limit('TOO_MANY_ATTEMPTS', 121))
    const onDone = jest.fn()
    render(<LoginForm onDone={onDone} demoHint={false} />)
    await type('手机号', '13800000001')
    await type('验证码', '111111')
    fireEvent.click(screen.getByText('登录'))
    expect(await screen.findByText('错误次数太多，为了安全暂时锁定，请 3 分钟后再试。')).toBeTruthy()
    expect(screen.getByText('3 分钟后可再登录')).toBeTruthy()
    expect(button('3 分钟后可再登录').getAttribute('aria-disabled')).toBe('true')
    // A tap while locked sends nothing.
    fireEvent.click(screen.getByText('3 分钟后可再登录'))
    expect(mockedLogin).toHaveBeenCalledTimes(1)
    tick(2)
    expect(screen.getByText('119 秒后可再登录')).toBeTruthy()
    tick(119)
    expect(screen.getByText('登录')).toBeTruthy()
    expect(onDone).not.toHaveBeenCalled()
  })
})
