import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { User } from '@/api/contract/auth'
import type { Commitment, CommitmentItem } from '@/api/contract/commitment'

/** The secretary of the tests. */
export const SECRETARY: User = { id: 'u-s01', name: '王建国', role: 'secretary', town: '汉旺镇', village: '武都村', phone: '13800000001' }

/** A complete item, with overrides. */
export function createItem(overrides: Partial<CommitmentItem> = {}): CommitmentItem {
  return {
    id: 'it-1',
    category: '集体经济',
    title: '壮大村集体经济',
    target: '村集体经济收入达到 20 万元',
    dueQuarter: 4,
    progress: [],
    latestPercent: 0,
    ...overrides,
  }
}

/** A sheet of 2027 with three complete items, with overrides. */
export function createSheet(overrides: Partial<Commitment> = {}): Commitment {
  return {
    id: 'cm-1',
    year: 2027,
    owner: SECRETARY,
    status: 'draft',
    items: [
      createItem(),
      createItem({ id: 'it-2', category: '民生实事', title: '硬化村道', target: '硬化村道 3 公里', dueQuarter: 2 }),
      createItem({ id: 'it-3', category: '党建工作', title: '开好党员大会', target: '每季度召开 1 次党员大会', dueQuarter: 4 }),
    ],
    completion: 0,
    updatedAt: '2027-01-10T09:00:00+08:00',
    ...overrides,
  }
}

/** Types into the native control of the Taro Input or Textarea labelled `label`. */
export async function type(label: string, value: string) {
  // The label is on the native control itself (shared/ui/a11y fieldLabel), rendered a moment after the element.
  const control = await waitFor(() => screen.getByLabelText(label, { selector: 'input, textarea' }))
  fireEvent.input(control, { target: { value } })
}
