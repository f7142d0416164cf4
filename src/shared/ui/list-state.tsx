import { AppButton } from './app-button'
import { ErrorState, LoadingState } from './state-view'

/** A list that has not loaded yet: its skeleton, or the error with 重试; nothing once it is ready. */
export function ListLoadState({ status, error, onRetry }: { status: 'loading' | 'ready' | 'error'; error?: string; onRetry: () => unknown }) {
  if (status === 'loading') return <LoadingState />
  if (status === 'error') return <ErrorState message={error ?? ''} onRetry={() => void onRetry()} />
  return null
}

/** 加载更多 under a list while it has a next page. */
export function LoadMoreButton({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  return hasMore ? (
    <AppButton variant='plain' block loading={loading} onTap={onMore}>
      加载更多
    </AppButton>
  ) : null
}
