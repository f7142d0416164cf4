import { act, renderHook, waitFor } from '@testing-library/react'
import { ApiError } from '@/api/api-error'
import type { Page } from '@/api/contract/common'
import { usePagedList } from '@/api/kit/use-paged-list'

type Row = { id: string; n: number }
const page = (items: Row[], total: number, p = 1): Page<Row> => ({ items, total, page: p, pageSize: items.length })
const rows = (...ids: string[]) => ids.map((id, n) => ({ id, n }))
const byId = (r: Row) => r.id

/** A fetcher whose answers the test hands out one by one. */
function controlled() {
  const calls: { page: number; resolve: (p: Page<Row>) => void; reject: (e: unknown) => void }[] = []
  const fetchPage = jest.fn(
    (p: number) => new Promise<Page<Row>>((resolve, reject) => calls.push({ page: p, resolve, reject })),
  )
  return { fetchPage, calls }
}

describe('usePagedList', () => {
  it('should load page 1, then append the next page without rows it already shows', async () => {
    const { fetchPage, calls } = controlled()
    const { result } = renderHook(() => usePagedList(fetchPage, byId))
    expect(result.current.status).toBe('loading')
    await act(async () => calls[0].resolve(page(rows('a', 'b'), 3)))
    expect(result.current.items.map(byId)).toEqual(['a', 'b'])
    expect(result.current.hasMore).toBe(true)
    act(() => result.current.loadMore())
    // A second tap while the page is on its way sends nothing more.
    act(() => result.current.loadMore())
    expect(fetchPage).toHaveBeenCalledTimes(2)
    expect(result.current.loadingMore).toBe(true)
    await act(async () => calls[1].resolve(page(rows('b', 'c'), 3, 2)))
    expect(result.current.items.map(byId)).toEqual(['a', 'b', 'c'])
    expect(result.current.hasMore).toBe(false)
    expect(result.current.page).toBe(2)
  })

  it('should load the next page once when it is asked for twice before the screen renders again', async () => {
    const { fetchPage, calls } = controlled()
    const { result } = renderHook(() => usePagedList(fetchPage, byId))
    await act(async () => calls[0].resolve(page(rows('a', 'b'), 4)))
    // Both taps hold the same render's list, as two taps in one frame do.
    const list = result.current
    act(() => {
      list.loadMore()
      list.loadMore()
    })
    expect(fetchPage).toHaveBeenCalledTimes(2)
    await act(async () => calls[1].resolve(page(rows('c'), 4, 2)))
    act(() => result.current.loadMore())
    expect(fetchPage).toHaveBeenLastCalledWith(3)
  })

  it('should keep the rows shown under the 离线 notice when a refresh fails, and clear it on the next success', async () => {
    const { fetchPage, calls } = controlled()
    const { result } = renderHook(() => usePagedList(fetchPage, byId))
    await act(async () => calls[0].resolve(page(rows('a'), 1)))
    let refreshed: Promise<void> = Promise.resolve()
    act(() => {
      refreshed = result.current.refresh()
    })
    // The rows stay while the refresh is on its way: no spinner in their place.
    expect(result.current.status).toBe('ready')
    await act(async () => {
      calls[1].reject(new ApiError({ kind: 'network' }))
      await refreshed
    })
    expect(result.current.items.map(byId)).toEqual(['a'])
    expect(result.current.staleError).toMatch(/^离线/)
    act(() => {
      refreshed = result.current.refresh()
    })
    await act(async () => {
      calls[2].resolve(page(rows('x'), 1))
      await refreshed
    })
    expect(result.current.items.map(byId)).toEqual(['x'])
    expect(result.current.staleError).toBeUndefined()
  })

  it('should show an error state with the server message when the first page fails', async () => {
    const { fetchPage, calls } = controlled()
    const { result } = renderHook(() => usePagedList(fetchPage, byId))
    await act(async () => calls[0].reject(new ApiError({ kind: 'http', status: 500, code: 'INTERNAL', message: '服务器出错了' })))
    expect(result.current.status).toBe('error')
    expect(result.current.error).toBe('服务器出错了')
    expect(result.current.items).toEqual([])
  })

  it('should drop an answer that arrives after a newer filter asked again', async () => {
    const { fetchPage: first, calls: oldCalls } = controlled()
    const { fetchPage: second, calls: newCalls } = controlled()
    const { result, rerender } = renderHook(({ f }) => usePagedList(f, byId), { initialProps: { f: first } })
    rerender({ f: second })
    await act(async () => newCalls[0].resolve(page(rows('new'), 1)))
    await act(async () => oldCalls[0].resolve(page(rows('old'), 1)))
    expect(result.current.items.map(byId)).toEqual(['new'])
  })

  it('should not reload when only the callbacks are new functions, and hand each answer to onPage', async () => {
    const { fetchPage, calls } = controlled()
    const seen: number[] = []
    const { result, rerender } = renderHook(() => usePagedList(fetchPage, (r: Row) => r.id, (answer) => seen.push(answer.total)))
    rerender()
    await act(async () => calls[0].resolve(page(rows('a'), 7)))
    expect(fetchPage).toHaveBeenCalledTimes(1)
    expect(seen).toEqual([7])
    act(() => result.current.update((items) => items.map((r) => ({ ...r, n: 99 }))))
    await waitFor(() => expect(result.current.items[0].n).toBe(99))
  })

  it('should ask again for the page that failed when retried, keeping the pages before it', async () => {
    const { fetchPage, calls } = controlled()
    const { result } = renderHook(() => usePagedList(fetchPage, byId))
    await act(async () => calls[0].resolve(page(rows('a'), 2)))
    act(() => result.current.loadMore())
    await act(async () => calls[1].reject(new ApiError({ kind: 'timeout' })))
    expect(result.current.staleError).toMatch(/^网络太慢/)
    let retried: Promise<void> = Promise.resolve()
    act(() => {
      retried = result.current.retry()
    })
    expect(calls[2].page).toBe(2)
    await act(async () => {
      calls[2].resolve(page(rows('b'), 2, 2))
      await retried
    })
    expect(result.current.items.map(byId)).toEqual(['a', 'b'])
    expect(result.current.staleError).toBeUndefined()
  })
})
