import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { User } from '@/api/contract/auth'
import { useLoad } from '@/shared/hooks/use-load'
import { fieldLabel, tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { ErrorState, LoadingState } from '@/shared/ui/state-view'
import { getSecretaries } from '@/api/users'

const place = (u: User) => `${u.town}${u.village ? ` · ${u.village}` : ''}`

/** Picks the recipient: the chosen secretary with 更换, or a search by name, village or phone. */
export function RecipientPicker({ value, onChange }: { value: User | null; onChange: (user: User | null) => void }) {
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  if (value) {
    return (
      <View className='zs-row hn-picked'>
        <View className='zs-grow'>
          <Text className='hn-row__name'>{value.name}</Text>
          <Text className='hn-row__place'>{place(value)}</Text>
        </View>
        <AppButton small variant='secondary' onTap={() => onChange(null)}>
          更换
        </AppButton>
      </View>
    )
  }
  return (
    <View>
      <View className='zs-row'>
        <Input
          className='zs-input zs-grow'
          value={typed}
          maxlength={30}
          placeholder='输入姓名、村（社区）或手机号'
          {...fieldLabel('搜索获奖人')}
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQuery(typed)}
        />
        <AppButton small variant='secondary' onTap={() => setQuery(typed)}>
          搜索
        </AppButton>
      </View>
      <SearchResults query={query} onPick={onChange} />
    </View>
  )
}

function SearchResults({ query, onPick }: { query: string; onPick: (user: User) => void }) {
  const found = useLoad(() => getSecretaries(query), [query])
  if (found.status === 'loading') return <LoadingState rows={1} label='正在查找…' />
  if (found.status === 'error' || !found.data) return <ErrorState message={found.error ?? ''} onRetry={() => void found.reload()} />
  if (found.data.items.length === 0) return <Text className='zs-muted'>没有找到“{query}”，请换个姓名或村名再试。</Text>
  return (
    <View role='group' aria-label='候选获奖人'>
      {found.data.items.map((user) => (
        <View key={user.id} className='hn-row' {...tappable('button', () => onPick(user))}>
          <Text className='zs-visually-hidden'>选择</Text>
          <Text className='hn-row__name'>{user.name}</Text>
          <Text className='hn-row__place'>{place(user)}</Text>
        </View>
      ))}
    </View>
  )
}
