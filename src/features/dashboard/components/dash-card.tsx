import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { staleMessage } from '@/api/api-error'
import type { Loaded } from '@/shared/hooks/use-load'
import { tappable } from '@/shared/ui/a11y'
import { StaleNotice } from '@/shared/ui/stale-notice'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'

/** A 首页 card: a title, and its content once loaded (skeleton while loading, error with 重试, kept content when a refresh fails). */
export function DashCard<T>({
  title,
  loaded,
  children,
  tone,
}: {
  title: string
  loaded?: Loaded<T>
  children: (data: T) => ReactNode
  tone?: 'alert'
}) {
  let body: ReactNode
  if (!loaded) body = children(undefined as T)
  else if (loaded.status === 'error' && loaded.data !== undefined) {
    // A refresh failed: keep what was shown, and say why it may be old (离线 without a connection).
    body = (
      <View>
        <StaleNotice message={staleMessage(loaded.failure)} onRetry={() => void loaded.reload()} />
        {children(loaded.data)}
      </View>
    )
  } else if (loaded.status === 'error') body = <ErrorState message={loaded.error ?? ''} onRetry={() => void loaded.reload()} />
  else if (loaded.status === 'loading' && loaded.data === undefined) body = <LoadingState rows={1} label={`正在加载${title}…`} />
  else body = children(loaded.data as T)
  return (
    <View className={`zs-card db-card${tone ? ` db-card--${tone}` : ''}`}>
      <Text className='db-card__title'>{title}</Text>
      {body}
    </View>
  )
}

/**
 * True while any of a dashboard's loads has nothing to show yet. The dashboard then shows one placeholder and its
 * cards appear together: cards swapping their own skeletons for content of another height pushed the cards below
 * them down the screen as each answer arrived (a layout shift of 0.3 on 首页, against Lighthouse's 0.02 budget).
 */
export function firstLoadPending(...loads: Array<Loaded<unknown>>): boolean {
  return loads.some((l) => l.status === 'loading' && l.data === undefined)
}

/** One tappable line of a card: main text, a detail underneath, and an arrow. */
export function DashLink({ text, detail, onTap }: { text: string; detail?: ReactNode; onTap: () => void }) {
  return (
    <View className='db-link' {...tappable('link', onTap)}>
      <View className='zs-grow'>
        <Text className='db-link__text'>{text}</Text>
        {detail ? <Text className='db-link__detail'>{detail}</Text> : null}
      </View>
      <Text className='db-link__arrow' aria-hidden='true'>›</Text>
    </View>
  )
}
