import { Text, View } from '@tarojs/components'
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

/**
 * 设置: 大字模式 (text and buttons 1.4× larger on every screen) with a preview line, and on weapp
 * 跟随微信字体设置 — on, the app is large whenever WeChat's own font size is large.
 */
export function SettingsScreen() {
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
    </View>
  )
}
