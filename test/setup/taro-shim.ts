import taro from '@tarojs/taro-h5'
import * as taroApis from '@tarojs/taro-h5'
import { useEffect, useRef } from 'react'

// `@tarojs/taro` for Jest: taro-h5's default export lacks the API functions, so merge its named exports in.
// The page-lifecycle hooks are added by the React plugin at build time and need a mounted page; here a
// rendered component registers its callbacks in `pageLifecycle`, and a test fires them with `firePageEvent`.
type Lifecycle = 'show' | 'hide' | 'pullDownRefresh' | 'reachBottom'
const pageLifecycle = new Map<Lifecycle, Set<() => void>>()

function lifecycleHook(name: Lifecycle) {
  return (callback: () => void) => {
    const latest = useRef(callback)
    latest.current = callback
    useEffect(() => {
      const run = () => latest.current()
      const set = pageLifecycle.get(name) ?? new Set()
      pageLifecycle.set(name, set.add(run))
      if (name === 'show') run()
      return () => {
        set.delete(run)
      }
    }, [])
  }
}

/** Fires a page lifecycle event (pull-down, reach-bottom, show) for every component that listens. */
export function firePageEvent(name: Lifecycle): void {
  pageLifecycle.get(name)?.forEach((run) => run())
}

export const useDidShow = lifecycleHook('show')
export const useDidHide = lifecycleHook('hide')
export const usePullDownRefresh = lifecycleHook('pullDownRefresh')
export const useReachBottom = lifecycleHook('reachBottom')
export const useRouter = () => ({ params: {}, path: '' })

const Taro = Object.assign(taro, taroApis, { useDidShow, useDidHide, usePullDownRefresh, useReachBottom, useRouter })

export * from '@tarojs/taro-h5'
export default Taro
