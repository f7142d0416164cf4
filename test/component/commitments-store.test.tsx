import { ApiError } from '@/api/api-error'
import type { Commitment } from '@/api/contract/commitment'
import { saveMyCommitment } from '@/api/commitments'
import { forgetAttemptsInMemory } from '@/api/kit/keyed-mutation'
import { draftKey, useCommitmentsStore } from '@/features/commitments/commitments-store'
import { createDraftItem } from '@/features/commitments/lib/draft'
import { progressKey, useProgressStore } from '@/features/commitments/progress-store'
import { forgetKeyedAttempts } from '../support/attempts'

jest.mock('@/api/commitments')
const mockedSave = jest.mocked(saveMyCommitment)

const KEY = draftKey('u-s01', 2027)
const ITEMS = [
  createDraftItem({ category: '集体经济', title: '壮大村集体经济', target: '集体经济收入达到 20 万元', metricUnit: '万元', metricTarget: '20', dueQuarter: 4 }),
  createDraftItem({ category: '民生实事', title: '修好村道', target: '硬化村道 3 公里', dueQuarter: 2 }),
]

/** The server's answer to a save of ITEMS. */
function savedSheet(): Commitment {
  return {
    id: 'cm-1',
    year: 2027,
    owner: { id: 'u-s01', name: '王建国', role: 'secretary', town: '汉旺镇', village: '武都村', phone: '13800000001' },
    status: 'draft',
    items: ITEMS.map((item, i) => ({
      id: `it-${i}`,
      category: item.category,
      title: item.title,
      target: item.target,
      metric: item.metricUnit ? { unit: item.metricUnit, targetValue: Number(item.metricTarget) } : undefined,
      dueQuarter: item.dueQuarter,
      progress: [],
      latestPercent: 0,
    })),
    completion: 0,
    updatedAt: '2027-01-10T09:00:00+08:00',
  }
}

/** Forgets the in-memory state as a closed app would, then reads storage back. */
async function reload() {
  const stored = localStorage.getItem('zst-commitments')
  // Clearing memory writes through to storage; put the stored copy back as the closed app left it.
  useCommitmentsStore.setState({ drafts: {} })
  if (stored) localStorage.setItem('zst-commitments', stored)
  await useCommitmentsStore.persist.rehydrate()
}

beforeEach(() => {
  forgetKeyedAttempts()
  jest.resetAllMocks()
  localStorage.clear()
  useCommitmentsStore.setState({ drafts: {} })
})

describe('useCommitmentsStore', () => {
  it('should keep every keystroke of a draft through a reload of the app', async () => {
    useCommitmentsStore.getState().editDraft(KEY, ITEMS)
    await reload()
    const draft = useCommitmentsStore.getState().drafts[KEY]
    expect(draft.items.map((i) => i.title)).toEqual(['壮大村集体经济', '修好村道'])
    expect(draft.items[0].metricTarget).toBe('20')
    expect(draft.dirty).toBe(true)
  })

  it('should keep the draft after a failed save, also through a reload, and retry with the same Idempotency-Key', async () => {
    mockedSave.mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    useCommitmentsStore.getState().editDraft(KEY, ITEMS)
    await expect(useCommitmentsStore.getState().save('u-s01', 2027)).rejects.toThrow(/网络连接失败/)
    expect(useCommitmentsStore.getState().drafts[KEY].items).toHaveLength(2)
    await reload()
    forgetAttemptsInMemory()
    expect(useCommitmentsStore.getState().drafts[KEY].items[1].target).toBe('硬化村道 3 公里')

    mockedSave.mockRejectedValueOnce(new ApiError({ kind: 'timeout' })).mockResolvedValueOnce(savedSheet())
    await expect(useCommitmentsStore.getState().save('u-s01', 2027)).rejects.toThrow()
    await useCommitmentsStore.getState().save('u-s01', 2027)
    const [first, afterRestart, retry] = mockedSave.mock.calls
    // The save that failed before the app closed, the one after it and its retry: one key, one body.
    expect(afterRestart[2]).toBe(first[2])
    expect(retry[2]).toBe(first[2])
    expect(retry[1]).toEqual(first[1])
    const draft = useCommitmentsStore.getState().drafts[KEY]
    expect(draft.dirty).toBe(false)
    expect(draft.items.map((i) => i.id)).toEqual(['it-0', 'it-1'])
  })

  it('should send a fresh key once the server has refused a save for good', async () => {
    mockedSave.mockRejectedValueOnce(new ApiError({ kind: 'http', status: 400, code: 'VALIDATION_FAILED' })).mockResolvedValueOnce(savedSheet())
    useCommitmentsStore.getState().editDraft(KEY, ITEMS)
    await expect(useCommitmentsStore.getState().save('u-s01', 2027)).rejects.toThrow()
    await useCommitmentsStore.getState().save('u-s01', 2027)
    expect(mockedSave.mock.calls[1][2]).not.toBe(mockedSave.mock.calls[0][2])
  })

  it('should drop a stored entry that does not look like a draft instead of crashing', async () => {
    localStorage.setItem('zst-commitments', JSON.stringify({ state: { drafts: { [KEY]: { items: 'nonsense' } } }, version: 1 }))
    await useCommitmentsStore.persist.rehydrate()
    expect(useCommitmentsStore.getState().drafts).toEqual({})
  })

  it('should keep a progress report being written through a reload until it is sent', async () => {
    const key = progressKey('u-s01', 2027, 'it-1', 1)
    useProgressStore.setState({ drafts: {} })
    useProgressStore.getState().edit(key, { percent: '60', note: '完成招商签约', photos: ['http://127.0.0.1:9527/uploads/abcdefghijklmnop0001.jpg'] })
    const stored = localStorage.getItem('zst-progress')
    useProgressStore.setState({ drafts: {} })
    if (stored) localStorage.setItem('zst-progress', stored)
    await useProgressStore.persist.rehydrate()
    expect(useProgressStore.getState().drafts[key]).toEqual(expect.objectContaining({ percent: '60', note: '完成招商签约', photos: ['http://127.0.0.1:9527/uploads/abcdefghijklmnop0001.jpg'] }))
  })
})
