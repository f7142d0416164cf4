import Taro from '@tarojs/taro'
import { ApiError } from '@/api/api-error'
import { forgetAttemptsInMemory, pendingAttempt, sendKeyed } from '@/api/kit/keyed-mutation'

const offline = () => new ApiError({ kind: 'network' })
const refused = () => new ApiError({ kind: 'http', status: 409, code: 'SIGNUP_CLOSED', message: '报名已截止' })

beforeEach(() => {
  Taro.clearStorageSync()
  forgetAttemptsInMemory()
})

/** Sends `body` for `action`, failing with `failure` when given; resolves with the key that was used. */
async function sendOnce(action: string, body: unknown, failure?: ApiError): Promise<string> {
  let used = ''
  await sendKeyed(action, body, async (key) => {
    used = key
    if (failure) throw failure
    return 'ok'
  }).catch((error: unknown) => {
    if (error !== failure) throw error
  })
  return used
}

describe('sendKeyed', () => {
  it('should send a retry of the same body with the same key after a network failure, and a new one after success', async () => {
    const first = await sendOnce('score:2026:4:u-s01', { score: 90 }, offline())
    const retry = await sendOnce('score:2026:4:u-s01', { score: 90 })
    expect(retry).toBe(first)
    const next = await sendOnce('score:2026:4:u-s01', { score: 90 })
    expect(next).not.toBe(first)
  })

  it('should draw a new key when the body changed between attempts', async () => {
    const first = await sendOnce('honour:create', { title: 'a' }, offline())
    const changed = await sendOnce('honour:create', { title: 'b' })
    expect(changed).not.toBe(first)
  })

  it('should drop the key after a refusal, so that a replay never repeats the old answer', async () => {
    const first = await sendOnce('event-cancel:evt-1', { reason: '暴雨' }, refused())
    expect(pendingAttempt('event-cancel:evt-1')).toBeNull()
    expect(await sendOnce('event-cancel:evt-1', { reason: '暴雨' })).not.toBe(first)
  })

  it('should keep the key of a failed attempt across an app restart', async () => {
    const first = await sendOnce('commitment-review:cmt-1', { decision: 'approve' }, offline())
    forgetAttemptsInMemory()
    expect(pendingAttempt('commitment-review:cmt-1')?.key).toBe(first)
    expect(await sendOnce('commitment-review:cmt-1', { decision: 'approve' })).toBe(first)
    expect(Taro.getStorageSync('zst-attempt:commitment-review:cmt-1')).toBeFalsy()
  })

  it('should keep the actions apart, and ignore a damaged stored attempt', async () => {
    const a = await sendOnce('attendance:evt-1:u-s01', { attendance: 'present' }, offline())
    const b = await sendOnce('attendance:evt-1:u-s02', { attendance: 'present' }, offline())
    expect(a).not.toBe(b)
    Taro.setStorageSync('zst-attempt:attendance:evt-1:u-s03', '{"key": 42')
    forgetAttemptsInMemory()
    const fresh = await sendOnce('attendance:evt-1:u-s03', { attendance: 'present' })
    expect(fresh).toMatch(/\S/)
    expect(fresh).not.toBe('42')
  })

  it('should join a second tap with the same body while the first is on its way, and send again once it failed', async () => {
    let fail: (error: ApiError) => void = () => {}
    const send = jest.fn((key: string) => new Promise<string>((_resolve, reject) => (fail = reject)).then(() => key))
    const first = sendKeyed('leave:evt-1', { reason: '镇上开会' }, send)
    const second = sendKeyed('leave:evt-1', { reason: '镇上开会' }, send)
    expect(second).toBe(first)
    expect(send).toHaveBeenCalledTimes(1)
    fail(offline())
    await expect(first).rejects.toThrow(/网络连接失败/)
    const retry = jest.fn(async (key: string) => key)
    expect(await sendKeyed('leave:evt-1', { reason: '镇上开会' }, retry)).toBe(send.mock.calls[0][0])
    expect(retry).toHaveBeenCalledTimes(1)
  })

  it('should keep the key of a newer body when an older send of the same action answers', async () => {
    let answerOld: (value: string) => void = () => {}
    const old = sendKeyed('registration:evt-1', { register: null }, () => new Promise<string>((resolve) => (answerOld = resolve)))
    const newer = await sendOnce('registration:evt-1', { cancel: true }, offline())
    answerOld('ok')
    await old
    expect(pendingAttempt('registration:evt-1')?.key).toBe(newer)
  })
})
