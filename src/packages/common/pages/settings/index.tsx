import { Page } from '@/app/page'
import { goToLogin } from '@/features/auth/lib/login-redirect'
import { signOutEverywhere } from '@/features/auth/session-actions'
import { SettingsScreen } from '@/features/settings/components/settings-screen'
import { ROUTES } from '@/shared/lib/routes'
import { useSessionStore } from '@/stores/session-store'

/** 设置: 大字模式 and, on weapp, following WeChat's font size (no login needed); signed in, 退出所有设备. */
export default function SettingsPage() {
  const signedIn = useSessionStore((s) => s.token !== null)
  const everywhere = async () => {
    await signOutEverywhere()
    goToLogin(ROUTES.home)
  }
  return (
    <Page>
      <SettingsScreen onSignOutEverywhere={signedIn ? everywhere : undefined} />
    </Page>
  )
}
