/** @jest-environment jsdom */
import { clearPrefetched, prefetch, prefetched } from '@/shared/lib/prefetch'
import { launchPath as h5LaunchPath } from '@/shared/lib/platform/launch-path.h5'

beforeEach(() => clearPrefetched())

describe('prefetch / prefetched (answers asked for at launch)', () => {
  it('should hand the screen the answer asked for at launch, without a second request', async () => {
    const early = jest.fn().mockResolvedValue(['活动 A'])
    const late = jest.fn().mockResolvedValue(['活动 B'])
    prefetch('home:my-events', early)
    await expect(prefetched('home:my-events', late)).resolves.toEqual(['活动 A'])
    expect(early).toHaveBeenCalledTimes(1)
    expect(late).not.toHaveBeenCalled()
  })

  it('should hand each kept answer out once: a reload asks the server again', async () => {
    prefetch('k', () => Promise.resolve(1))
    await expect(prefetched('k', () => Promise.resolve(2))).resolves.toBe(1)
    await expect(prefetched('k', () => Promise.resolve(3))).resolves.toBe(3)
  })

  it('should not use an answer that arrived more than 10 s ago, nor one kept under another key', async () => {
    prefetch('home:commitment:2027', () => Promise.resolve('old'))
    await Promise.resolve()
    await expect(prefetched('home:commitment:2027', () => Promise.resolve('new'), Date.now() + 10_001)).resolves.toBe('new')
    prefetch('home:commitment:2027', () => Promise.resolve('kept'))
    await expect(prefetched('home:commitment:2028', () => Promise.resolve('asked'))).resolves.toBe('asked')
    await Promise.resolve()
    await expect(prefetched('home:commitment:2027', () => Promise.resolve('asked'), Date.now() + 9_000)).resolves.toBe('kept')
  })

  it('should take a request still on its way however long 首页 took to load, without asking twice', async () => {
    let answer: (value: string) => void = () => undefined
    prefetch('home:my-events', () => new Promise<string>((resolve) => (answer = resolve)))
    const again = jest.fn().mockResolvedValue('second request')
    // A weak network: 首页's code arrives a minute later, its answer later still.
    const taken = prefetched('home:my-events', again, Date.now() + 60_000)
    answer('first request')
    await expect(taken).resolves.toBe('first request')
    expect(again).not.toHaveBeenCalled()
  })

  it('should hand a failed launch request to the screen as a failure it can retry', async () => {
    prefetch('k', () => Promise.reject(new Error('网络连接失败')))
    await expect(prefetched('k', () => Promise.resolve('ok'))).rejects.toThrow('网络连接失败')
    await expect(prefetched('k', () => Promise.resolve('ok'))).resolves.toBe('ok')
  })

  it('should keep a loader that throws at once as a failure, and never leave an unhandled rejection', async () => {
    const unhandled = jest.fn()
    process.on('unhandledRejection', unhandled)
    try {
      prefetch('never-taken', () => Promise.reject(new Error('离线')))
      prefetch('throws', () => {
        throw new Error('坏了')
      })
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(unhandled).not.toHaveBeenCalled()
      await expect(prefetched('throws', () => Promise.resolve('ok'))).rejects.toThrow('坏了')
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('should forget every kept answer on clearPrefetched', async () => {
    prefetch('k', () => Promise.resolve('user A'))
    clearPrefetched()
    await expect(prefetched('k', () => Promise.resolve('user B'))).resolves.toBe('user B')
  })
})

describe('launchPath on H5', () => {
  it.each([
    ['', 'pages/home/index'],
    ['#/', 'pages/home/index'],
    ['#/pages/home/index', 'pages/home/index'],
    ['#/pages/event-detail/index?id=evt-1', 'pages/event-detail/index'],
    ['#/packages/organiser/pages/roster/index?id=e', 'packages/organiser/pages/roster/index'],
  ])('should read %j as %j', (hash, path) => {
    window.location.hash = hash
    expect(h5LaunchPath()).toBe(path)
  })
})
