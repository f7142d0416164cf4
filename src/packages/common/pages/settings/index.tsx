import { Page } from '@/app/page'
import { SettingsScreen } from '@/features/settings/components/settings-screen'

/** 设置: 大字模式 and, on weapp, following WeChat's font size. Needs no login. */
export default function SettingsPage() {
  return (
    <Page>
      <SettingsScreen />
    </Page>
  )
}
