import { act, renderHook, waitFor } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import type { Page } from '@/api/contract/common'
import { useAllPages } from '@/api/kit/use-all-pages'

type Row = { id: string }
const byId = (r: Row) => r.id
const rows = (from: number, to: number): Row[] => Array.from({ length: to - from }, (_, i) => ({ id: `r${from + i}` }))
/** Page `p` of `total` rows, 2 a page. */
const pageOf = (p: number, total: number): Page<Row> => ({ items: rows((p - 1) * 2, Math.min(p * 2, total)), total, page: p, pageSize: 2 })

describe('useAllPages', () => {
  it('should show page 1 at once and fetch the rest one page after another until the list is complete', async () => {
    const fetchPage = jest.fn(async (p: number) => pageOf(p, 5))
    const { result } = renderHook(() => useAllPages(fetchPage, byId))
    await waitFor(() => expect(result.current.items).toHaveLength(5))
    expect(fetchPage.mock.calls.map(([p]) => p)).toEqual([1, 2, 3])
    expect(result.current.loadingRest).toBe(false)
    expect(result.current.status).toBe('ready')
  })

  it('should stop at a page that fails, keep the rows under the 离线 notice, and go on from there on retry', async () => {
    const fetchPage = jest.fn(async (p: number) => pageOf(p, 6))
    fetchPage.mockImplementationOnce(async () => pageOf(1, 6)).mockRejectedValueOnce(new ApiError({ kind: 'network' }))
    const { result } = renderHook(() => useAllPages(fetchPage, byId))
    await waitFor(() => expect(result.current.staleError).toMatch(/^离线/))
    expect(result.current.items.map(byId)).toEqual(['r0', 'r1'])
    expect(result.current.loadingRest).toBe(false)
    await act(() => result.current.retry())
    await waitFor(() => expect(result.current.items).toHaveLength(6))
    expect(fetchPage.mock.calls.map(([p]) => p)).toEqual([1, 2, 2, 3])
    expect(result.current.staleError).toBeUndefined()
  })

  it('should stop at an empty page even when the total promises more rows', async () => {
    const fetchPage = jest.fn(async (p: number): Promise<Page<Row>> => (p === 1 ? { ...pageOf(1, 9), total: 9 } : { items: [], total: 9, page: p, pageSize: 2 }))
    const { result } = renderHook(() => useAllPages(fetchPage, byId))
    await waitFor(() => expect(fetchPage).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(result.current.loadingRest).toBe(false))
    expect(fetchPage).toHaveBeenCalledTimes(2)
    expect(result.current.items).toHaveLength(2)
  })

  it('should show the error state when page 1 fails, and load everything on retry', async () => {
    const fetchPage = jest.fn(async (p: number) => pageOf(p, 3))
    fetchPage.mockRejectedValueOnce(new ApiError({ kind: 'http', status: 404, code: 'NOT_FOUND' }))
    const { result } = renderHook(() => useAllPages(fetchPage, byId))
    await waitFor(() => expect(result.current.status).toBe('error'))
    await act(() => result.current.retry())
    await waitFor(() => expect(result.current.items).toHaveLength(3))
  })
})
