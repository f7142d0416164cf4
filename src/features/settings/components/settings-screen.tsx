import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { HAS_SYSTEM_FONT_SETTING } from '@/shared/lib/platform/system-font'
import { tappable } from '@/shared/ui/a11y'
import { resolveLargeText, useSettingsStore } from '@/stores/settings-store'
import './settings.css'

/** One whole-row switch: the row is the tap target (≥ 60 px), the track and knob only show the state. */
function SwitchRow({ title, hint, on, onToggle }: { title: string; hint: string; on: boolean; onToggle: () => void }) {
  return (
    <View className='st-row' {...tappable('switch', onToggle)} aria-checked={on} aria-label={title}>
      <View className='zs-grow'>
        <Text className='st-row__title'>{title}</Text>
        <Text className='st-row__hint'>{hint}</Text>
      </View>
      <View className={`st-switch${on ? ' st-switch--on' : ''}`}>
        <View className='st-switch__knob' />
      </View>
      <Text className='st-row__state'>{on ? '开' : '关'}</Text>
    </View>
  )
}

/** 账号安全: 退出所有设备, after a confirmation; a failure keeps this phone signed in and says why. */
function SignOutEverywhere({ onSignOutEverywhere }: { onSignOutEverywhere: () => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出所有设备',
      content: '所有手机和电脑上的支书通都会退出登录，包括这台手机。手机丢失或借给别人用过时请这样做。确定吗？',
      confirmText: '全部退出',
      cancelText: '取消',
    })
    if (!confirm) return
    setBusy(true)
    setError(null)
    try {
      await onSignOutEverywhere()
    } catch (failure) {
      setError(`没有退出成功：${toApiError(failure).message}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='zs-card'>
      <Text className='st-row__title'>账号安全</Text>
      <Text className='st-row__hint'>手机丢失或在别人的设备上登录过，可以让所有设备一起退出登录。</Text>
      <Alert className='st-alert' message={error} />
      <AppButton block variant='danger' loading={busy} onTap={() => void run()}>
        退出所有设备
      </AppButton>
    </View>
  )
}

/**
 * 设置: 大字模式 (text and buttons 1.4× larger on every screen) with a preview line, and on weapp
 * 跟随微信字体设置 — on, the app is large whenever WeChat's own font size is large. Signed in, also
 * 退出所有设备 (`onSignOutEverywhere`).
 */
export function SettingsScreen({ onSignOutEverywhere }: { onSignOutEverywhere?: () => Promise<void> } = {}) {
  const largeText = useSettingsStore((s) => s.largeText)
  const setLargeText = useSettingsStore((s) => s.setLargeText)
  const following = largeText === null
  const large = resolveLargeText(largeText)
  return (
    <View>
      <View className='zs-card'>
        <SwitchRow title='大字模式' hint='放大所有页面的文字和按钮，看得更清楚' on={large} onToggle={() => setLargeText(!large)} />
        {HAS_SYSTEM_FONT_SETTING ? (
          <SwitchRow
            title='跟随微信字体设置'
            hint='微信里把字体调大后，这里自动用大字'
            on={following}
            onToggle={() => setLargeText(following ? large : null)}
          />
        ) : null}
      </View>
      <View className='zs-card'>
        <Text className='zs-muted st-preview__label'>预览</Text>
        <Text className='st-preview' aria-live='polite'>
          {large ? '大字模式已打开：' : '正常字号：'}主题活动月 · 春分，欢迎报名参加。
        </Text>
      </View>
      {onSignOutEverywhere ? <SignOutEverywhere onSignOutEverywhere={onSignOutEverywhere} /> : null}
    </View>
  )
}
